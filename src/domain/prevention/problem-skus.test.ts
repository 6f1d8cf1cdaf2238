import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { paretoOf, problemSkus } from './problem-skus.js';
import type { ReturnedUnits, ShippedUnits } from './return-rates.js';

const shipped = (sku: string, units: number, month = '2026-03', marketplaceCode = 'US'): ShippedUnits => ({ marketplaceCode, sku, asin: '', fulfillment: 'fba', month, units });
const returned = (sku: string, reasonCategory: string | null, units: number, month: string | null = '2026-03', marketplaceCode = 'US'): ReturnedUnits => ({
  marketplaceCode, sku, month, fulfillment: month === null ? '' : 'fba', units, byReason: { [reasonCategory ?? 'unmapped']: units }, byFault: { seller: units },
});

describe('problemSkus', () => {
  // LAMP: 18 of 100 back, 15 not as described. MUG: 20 of 1000. TEE: 10 of 20, a small sample.
  const result = problemSkus(
    [shipped('LAMP', 60), shipped('LAMP', 40, '2026-04'), shipped('MUG', 1000), shipped('TEE', 20), shipped('CUP', 50, '2026-03', 'DE')],
    [returned('LAMP', 'not_as_described', 15), returned('LAMP', 'defective_quality', 3, '2026-04'), returned('MUG', 'changed_mind', 20),
      returned('TEE', 'size_fit', 10), returned('MUG', 'changed_mind', 7, null), returned('CUP', 'damaged_in_transit', 25, '2026-03', 'DE')],
    policy,
  );

  it('names the SKUs clearly above their marketplace\'s rate, most excess returns first, with their Pareto and root cause', () => {
    expect(result.problems.map((p) => [p.marketplaceCode, p.sku])).toEqual([['US', 'LAMP']]);
    const lamp = result.problems[0]!;
    expect(lamp).toMatchObject({ shipped: 100, returned: 18 });
    expect(lamp.marketplaceRate).toBeCloseTo(48 / 1120, 10);
    expect(lamp.excessUnits).toBeCloseTo(18 - 100 * (48 / 1120), 10);
    expect(lamp.pareto.map((b) => [b.reason, b.units, b.cumulative])).toEqual([['not_as_described', 15, 15 / 18], ['defective_quality', 3, 1]]);
    expect(lamp.dominant?.cause.id).toBe('description_accuracy');
    expect(lamp.dominant?.share).toBeCloseTo(15 / 18, 10);
  });

  it('compares each SKU with its own marketplace, and leaves out small samples and returns without an order line', () => {
    // CUP's 50% would be far above the US rate, but it is DE's only SKU: its interval holds DE's rate.
    expect(result.marketplaces.map((m) => [m.marketplaceCode, m.shipped, m.returned])).toEqual([['DE', 50, 25], ['US', 1120, 48]]);
    expect(result.problems.some((p) => p.sku === 'CUP' || p.sku === 'TEE')).toBe(false);
    expect(result.marketplaces[1]!.pareto[0]).toMatchObject({ reason: 'changed_mind', units: 20 });
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
