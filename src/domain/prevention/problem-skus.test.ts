import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { paretoOf, problemSkus, skuCauses } from './problem-skus.js';
import type { SkuUnits } from './problem-skus.js';

// Units per SKU come summed over the months, without the returns that have no order line
// (storage/prevention-repository.test.ts checks that sum).
const units = (sku: string, shipped: number, returned: number, marketplaceCode = 'US'): SkuUnits => ({ marketplaceCode, sku, shipped, returned, fba: true });

describe('problemSkus', () => {
  // LAMP: 18 of 100 back, 15 not as described. MUG: 20 of 1000. TEE: 10 of 20, a small sample.
  const result = problemSkus(
    [units('LAMP', 100, 18), units('MUG', 1000, 20), units('TEE', 20, 10), units('CUP', 50, 25, 'DE')],
    new Map<string, Record<string, number>>([
      ['US', { not_as_described: 15, defective_quality: 3, changed_mind: 20, size_fit: 10 }],
      ['DE', { damaged_in_transit: 25 }],
    ]),
    policy,
  );

  it('names the SKUs clearly above their marketplace\'s rate, most excess returns first, with their Pareto and root cause', () => {
    expect(result.problems.map((p) => [p.marketplaceCode, p.sku])).toEqual([['US', 'LAMP']]);
    const lamp = skuCauses(result.problems[0]!, { not_as_described: 15, defective_quality: 3 });
    expect(lamp).toMatchObject({ shipped: 100, returned: 18 });
    expect(lamp.marketplaceRate).toBeCloseTo(48 / 1120, 10);
    expect(lamp.excessUnits).toBeCloseTo(18 - 100 * (48 / 1120), 10);
    expect(lamp.pareto.map((b) => [b.reason, b.units, b.cumulative])).toEqual([['not_as_described', 15, 15 / 18], ['defective_quality', 3, 1]]);
    expect(lamp.dominant?.cause.id).toBe('description_accuracy');
    expect(lamp.dominant?.share).toBeCloseTo(15 / 18, 10);
  });

  it('compares each SKU with its own marketplace, and leaves out small samples', () => {
    // CUP's 50% would be far above the US rate, but it is DE's only SKU: its interval holds DE's rate.
    expect(result.marketplaces.map((m) => [m.marketplaceCode, m.shipped, m.returned])).toEqual([['DE', 50, 25], ['US', 1120, 48]]);
    expect(result.problems.some((p) => p.sku === 'CUP' || p.sku === 'TEE')).toBe(false);
    expect(result.marketplaces[1]!.pareto[0]).toMatchObject({ reason: 'changed_mind', units: 20 });
  });

  it('judges no SKU that returned more than it shipped, and gives a marketplace without reasons an empty Pareto', () => {
    const found = problemSkus([units('LAMP', 100, 18), units('MUG', 1000, 20), units('GHOST', 2, 40)], new Map(), policy);
    expect(found.problems.map((p) => p.sku)).toEqual(['LAMP']);
    expect(found.marketplaces).toEqual([{ marketplaceCode: 'US', shipped: 1102, returned: 78, rate: 78 / 1102, pareto: [] }]);
  });
});

describe('paretoOf', () => {
  it('orders reasons by units with cumulative shares, and drops zeros', () => {
    expect(paretoOf({ size_fit: 2, not_as_described: 6, other: 0, changed_mind: 2 })).toEqual([
      { reason: 'not_as_described', units: 6, share: 0.6, cumulative: 0.6 },
      { reason: 'changed_mind', units: 2, share: 0.2, cumulative: 0.8 },
      { reason: 'size_fit', units: 2, share: 0.2, cumulative: 1 },
    ]);
    expect(paretoOf({})).toEqual([]);
  });
});
