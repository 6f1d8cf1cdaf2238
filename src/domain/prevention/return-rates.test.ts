import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { countsAsShipped, isProvisional, returnRates } from './return-rates.js';
import type { ReturnedUnits, ShippedUnits } from './return-rates.js';

const ordered = (sku: string, month: string, units: number, over: Partial<ShippedUnits> = {}): ShippedUnits => ({
  marketplaceCode: 'US', sku, asin: `ASIN-${sku}`, fulfillment: 'fba', month, units, ...over,
});
const returned = (sku: string, month: string | null, units: number, over: { reasonCategory?: string; fault?: string } = {}): ReturnedUnits => ({
  marketplaceCode: 'US', sku, month, fulfillment: 'fba', units,
  byReason: { [over.reasonCategory ?? 'not_as_described']: units }, byFault: { [over.fault ?? 'seller']: units },
});

describe('countsAsShipped', () => {
  it.each([
    ['Shipped', 'Shipped', true], ['Shipped', null, true], ['Shipped', '', true], ['Pending', 'Shipped', true],
    ['Shipped', 'Cancelled', false], ['Cancelled', null, false], ['Pending', 'Unshipped', false], [null, null, false], ['SHIPPED', ' ', true],
    ['Shipped - Delivered to Buyer', null, true], ['Shipped - Returned to Seller', '', true], ['Shipping', null, false],
  ])('order %s, item %s: %s', (order, item, expected) => {
    expect(countsAsShipped(order, item)).toBe(expected);
  });
});

describe('returnRates', () => {
  it('counts each return in its order\'s month, by reason and party, highest rate first', () => {
    const rates = returnRates(
      [ordered('MUG', '2026-03', 200), ordered('MUG', '2026-03', 50, { asin: 'ASIN-MUG-2' }), ordered('TEE', '2026-03', 100), ordered('TEE', '2026-04', 100)],
      [returned('TEE', '2026-03', 12, { reasonCategory: 'size_fit', fault: 'buyer' }), returned('TEE', '2026-03', 3), returned('MUG', '2026-03', 4), returned('TEE', '2026-04', 2)],
      policy,
    );
    expect(rates.rows.map((r) => [r.sku, r.month, r.returned, r.shipped])).toEqual([['TEE', '2026-03', 15, 100], ['TEE', '2026-04', 2, 100], ['MUG', '2026-03', 4, 250]]);
    const tee = rates.rows[0]!;
    expect(tee.rate).toMatchObject({ rate: 0.15, smallSample: false });
    expect(tee.rate!.low).toBeLessThan(0.15);
    expect(tee.byReason).toEqual({ size_fit: 12, not_as_described: 3 });
    expect(tee.byFault).toEqual({ buyer: 12, seller: 3 });
    expect(rates.rows[2]!.asins).toEqual(['ASIN-MUG', 'ASIN-MUG-2']);
  });

  it('keeps returns without an order line apart, and names a month with more returned than shipped', () => {
    const rates = returnRates([ordered('MUG', '2026-03', 2)], [returned('MUG', null, 4), returned('MUG', '2026-03', 3), returned('CUP', '2026-02', 1)], policy);
    expect(rates.withoutOrderLine).toEqual([{ marketplaceCode: 'US', sku: 'MUG', units: 4 }]);
    expect(rates.rows.map((r) => [r.sku, r.rate, r.problem])).toEqual([
      ['CUP', null, '1 units returned of 0 shipped: the All Orders report for 2026-02 is missing lines, or shows them unshipped'],
      ['MUG', null, '3 units returned of 2 shipped: the All Orders report for 2026-03 is missing lines, or shows them unshipped'],
    ]);
  });

  it('marks a small sample, and lists it after the well-measured rates however high it is', () => {
    const rates = returnRates([ordered('MUG', '2026-03', 12), ordered('TEE', '2026-03', 100)], [returned('MUG', '2026-03', 6), returned('TEE', '2026-03', 5)], policy);
    expect(rates.rows.map((r) => [r.sku, r.rate?.rate, r.rate?.smallSample])).toEqual([['TEE', 0.05, false], ['MUG', 0.5, true]]);
  });
});

describe('provisional months', () => {
  it('keeps a month provisional until the imported returns reach 60 days past its end', () => {
    expect(isProvisional('2026-03', '2026-05-29', policy)).toBe(true);
    expect(isProvisional('2026-03', '2026-05-30', policy)).toBe(false);
    expect(isProvisional('2026-03', null, policy)).toBe(true);
  });

  it('ranks a complete month\'s rate before a provisional month\'s, however high', () => {
    const rates = returnRates([ordered('MUG', '2026-03', 100), ordered('MUG', '2026-05', 100)], [returned('MUG', '2026-03', 5), returned('MUG', '2026-05', 9)], policy, '2026-06-15');
    expect(rates.rows.map((r) => [r.month, r.provisional])).toEqual([['2026-03', false], ['2026-05', true]]);
  });
});
