import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy } from './prevention-policy.js';
import type { PreventionPolicy } from './prevention-policy.js';
import { returnsFeeFlags, thresholdFor } from './returns-fee.js';
import type { FbaMonthUnits } from './returns-fee.js';

// The SKUs of the months asked for, FBA or not, and the FBA units per month of those with a category
// (storage/prevention-repository.test.ts checks that merchant-fulfilled units stay out of those).
const policy: PreventionPolicy = { ...defaultPreventionPolicy, returnsFeePerUnit: { US: { amountMinor: 310, currency: 'USD' } } };
const fba = (sku: string, shipped: number, returned: number, month = '2026-03', marketplaceCode = 'US'): FbaMonthUnits => ({ marketplaceCode, sku, month, shipped, returned });
const skusOf = (months: readonly FbaMonthUnits[]) => months.map((m) => ({ marketplaceCode: m.marketplaceCode, sku: m.sku, fba: true }));
const categories: Record<string, string> = { BAG: 'luggage', SNACK: 'Grocery', DRESS: 'Apparel', TOY: 'Toys' };
const categoryOf = (sku: string) => categories[sku] ?? null;

describe('returnsFeeFlags', () => {
  it('flags FBA months above the category threshold with the units above it and their fee', () => {
    // BAG: 20 of 100 back against 12.8%: 20 − 12 = 8 units over, 8 × $3.10.
    const months = [fba('BAG', 100, 20), fba('SNACK', 100, 2), fba('DRESS', 40, 3)];
    const check = returnsFeeFlags(skusOf(months), months, categoryOf, policy);
    expect(check.flags.map((f) => [f.sku, f.category, f.shipped, f.returned, f.threshold.thresholdBps, f.excessUnits, f.exposure])).toEqual([
      ['BAG', 'luggage', 100, 20, 1280, 8, { amountMinor: 2480, currency: 'USD' }],
      // Apparel: every returned unit, no threshold.
      ['DRESS', 'Apparel', 40, 3, 0, 3, { amountMinor: 930, currency: 'USD' }],
    ]);
  });

  it('exempts months under the minimum units, leaves merchant-fulfilled SKUs out, and names SKUs it cannot check', () => {
    // MUG has no category, so its months are not needed; PEN has none either, but sold no unit through FBA.
    const months = [fba('BAG', 24, 20), fba('TOY', 50, 20)];
    const skus = [...skusOf(months), { marketplaceCode: 'US', sku: 'MUG', fba: true }, { marketplaceCode: 'US', sku: 'PEN', fba: false }];
    const check = returnsFeeFlags(skus, months, categoryOf, policy);
    expect(check.flags).toEqual([]);
    expect(check.unchecked).toEqual([{ marketplaceCode: 'US', sku: 'MUG', category: null }, { marketplaceCode: 'US', sku: 'TOY', category: 'Toys' }]);
    // Given its months all the same, a SKU without a category is still not checked.
    expect(returnsFeeFlags(skus, [...months, fba('MUG', 50, 20)], categoryOf, policy)).toEqual(check);
  });

  it('gives the exposure in units only when the policy has no fee for the marketplace', () => {
    const months = [fba('BAG', 100, 20)];
    const check = returnsFeeFlags(skusOf(months), months, categoryOf, defaultPreventionPolicy, '2026-05-30');
    expect(check.flags[0]).toMatchObject({ excessUnits: 8, exposure: null, provisional: false });
    expect(returnsFeeFlags(skusOf(months), months, categoryOf, defaultPreventionPolicy, '2026-04-30').flags[0]!.provisional).toBe(true);
  });

  it('keeps the order of the months given among flags that tie', () => {
    const months = [fba('BAG', 100, 20, '2026-03', 'UK'), fba('BAG', 100, 20, '2026-03', 'DE')];
    expect(returnsFeeFlags(skusOf(months), months, categoryOf, policy).flags.map((f) => f.marketplaceCode)).toEqual(['UK', 'DE']);
  });

  it('takes the threshold in effect on the month\'s first day', () => {
    const later = { ...policy, returnsFeeThresholds: [...policy.returnsFeeThresholds, { category: 'Grocery', thresholdBps: 400, effectiveFrom: '2026-04-01', source: 'test' }] };
    expect(thresholdFor(later, 'grocery', '2026-03')?.thresholdBps).toBe(290);
    expect(thresholdFor(later, 'GROCERY ', '2026-04')?.thresholdBps).toBe(400);
    expect(thresholdFor(later, 'Grocery', '2024-05')).toBeUndefined();
  });
});
