import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { allSkus, groupUnits, noCategory } from './rate-groups.js';
import { returnRates } from './return-rates.js';
import type { ReturnedUnits, ShippedUnits } from './return-rates.js';

const shipped = (sku: string, asin: string, units: number): ShippedUnits => ({ marketplaceCode: 'US', sku, asin, fulfillment: 'fba', month: '2026-03', units });
const returned = (sku: string, units: number): ReturnedUnits => ({
  marketplaceCode: 'US', sku, month: '2026-03', fulfillment: 'fba', units, byReason: { size_fit: units }, byFault: { buyer: units },
});
// Two SKUs of one ASIN (a relabelled batch), one of another; TEE-OLD once shipped under an old ASIN too.
const units = [shipped('TEE-S', 'B0TEE', 60), shipped('TEE-OLD', 'B0TEE', 30), shipped('TEE-OLD', 'B0OLD', 10), shipped('CAP', 'B0CAP', 100)];
const back = [returned('TEE-S', 9), returned('TEE-OLD', 3), returned('CAP', 5)];
const categoryOf = (sku: string) => (sku.startsWith('TEE') ? 'Apparel' : null);

describe('groupUnits', () => {
  it('sums SKUs into their ASIN, returns going to the ASIN most of the SKU\'s units carry', () => {
    const grouped = groupUnits(units, back, 'asin', categoryOf);
    const rates = returnRates(grouped.shipped, grouped.returned, policy);
    expect(rates.rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([['B0TEE', 12, 90], ['B0CAP', 5, 100], ['B0OLD', 0, 10]]);
  });

  it('sums SKUs into their product category, and every SKU of a marketplace into one row', () => {
    const byCategory = groupUnits(units, back, 'category', categoryOf);
    expect(returnRates(byCategory.shipped, byCategory.returned, policy).rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([['Apparel', 12, 100], [noCategory, 5, 100]]);
    const all = groupUnits(units, back, 'marketplace', categoryOf);
    expect(returnRates(all.shipped, all.returned, policy).rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([[allSkus, 17, 200]]);
  });
});
