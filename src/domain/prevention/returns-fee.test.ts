import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy } from './prevention-policy.js';
import type { PreventionPolicy } from './prevention-policy.js';
import { returnsFeeFlags, thresholdFor } from './returns-fee.js';
import type { ReturnedUnits, ShippedUnits } from './return-rates.js';

const policy: PreventionPolicy = { ...defaultPreventionPolicy, returnsFeePerUnit: { US: { amountMinor: 310, currency: 'USD' } } };
const shipped = (sku: string, units: number, month = '2026-03', fulfillment = 'fba'): ShippedUnits => ({ marketplaceCode: 'US', sku, asin: '', fulfillment, month, units });
const returned = (sku: string, units: number, month: string | null = '2026-03', fulfillment = 'fba'): ReturnedUnits => ({
  marketplaceCode: 'US', sku, month, fulfillment, units, byReason: { changed_mind: units }, byFault: { buyer: units },
});
const categories: Record<string, string> = { BAG: 'luggage', SNACK: 'Grocery', DRESS: 'Apparel', TOY: 'Toys' };
const categoryOf = (sku: string) => categories[sku] ?? null;

describe('returnsFeeFlags', () => {
  it('flags FBA months above the category threshold with the units above it and their fee', () => {
    // BAG: 20 of 100 back against 12.8%: 20 − 12 = 8 units over, 8 × $3.10.
    const check = returnsFeeFlags([shipped('BAG', 100), shipped('SNACK', 100), shipped('DRESS', 40)], [returned('BAG', 20), returned('SNACK', 2), returned('DRESS', 3)], categoryOf, policy);
    expect(check.flags.map((f) => [f.sku, f.category, f.shipped, f.returned, f.threshold.thresholdBps, f.excessUnits, f.exposure])).toEqual([
      ['BAG', 'luggage', 100, 20, 1280, 8, { amountMinor: 2480, currency: 'USD' }],
      // Apparel: every returned unit, no threshold.
      ['DRESS', 'Apparel', 40, 3, 0, 3, { amountMinor: 930, currency: 'USD' }],
    ]);
  });

  it('exempts months under the minimum units, leaves merchant-fulfilled units out, and names SKUs it cannot check', () => {
    const check = returnsFeeFlags(
      [shipped('BAG', 24), shipped('BAG', 100, '2026-04', 'mfn'), shipped('TOY', 50), shipped('MUG', 50)],
      [returned('BAG', 20), returned('BAG', 60, '2026-04', 'mfn'), returned('TOY', 20), returned('MUG', 20)],
      categoryOf, policy,
    );
    expect(check.flags).toEqual([]);
    expect(check.unchecked).toEqual([{ marketplaceCode: 'US', sku: 'MUG', category: null }, { marketplaceCode: 'US', sku: 'TOY', category: 'Toys' }]);
  });

  it('gives the exposure in units only when the policy has no fee for the marketplace', () => {
    const check = returnsFeeFlags([shipped('BAG', 100)], [returned('BAG', 20)], categoryOf, defaultPreventionPolicy, '2026-05-30');
    expect(check.flags[0]).toMatchObject({ excessUnits: 8, exposure: null, provisional: false });
    expect(returnsFeeFlags([shipped('BAG', 100)], [returned('BAG', 20)], categoryOf, defaultPreventionPolicy, '2026-04-30').flags[0]!.provisional).toBe(true);
  });

  it('takes the threshold in effect on the month\'s first day', () => {
    const later = { ...policy, returnsFeeThresholds: [...policy.returnsFeeThresholds, { category: 'Grocery', thresholdBps: 400, effectiveFrom: '2026-04-01', source: 'test' }] };
    expect(thresholdFor(later, 'grocery', '2026-03')?.thresholdBps).toBe(290);
    expect(thresholdFor(later, 'GROCERY ', '2026-04')?.thresholdBps).toBe(400);
    expect(thresholdFor(later, 'Grocery', '2024-05')).toBeUndefined();
  });
});
