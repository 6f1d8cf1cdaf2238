import { describe, expect, it } from 'vitest';
import { returnedRollups, shippedRollups } from './rollup-rows.js';
import type { OrderDay, ReturnDay } from './rollup-rows.js';

const line = (day: string, units: number, over: Partial<OrderDay> = {}): OrderDay => ({
  marketplaceCode: 'US', sku: 'LAMP', asin: 'B0LAMP', fulfillmentChannel: 'Amazon', day, orderStatus: 'Shipped', itemStatus: 'Shipped', units, ...over,
});
const back = (purchaseDay: string | null, requestedOn: string | null, units: number, over: Partial<ReturnDay> = {}): ReturnDay => ({
  marketplaceCode: 'US', sku: 'LAMP', fulfillmentChannel: purchaseDay === null ? null : 'Amazon', purchaseDay, requestedOn, reasonCategory: 'not_as_described', fault: 'seller', units, ...over,
});

describe('shippedRollups', () => {
  it('sums shipped units per month and ASIN and per Monday week, leaving unshipped lines out', () => {
    const { months, weeks } = shippedRollups([
      line('2026-03-30', 3), line('2026-03-31', 2, { asin: null }), line('2026-04-01', 4), line('2026-04-01', 9, { itemStatus: 'Cancelled' }),
      line('2026-04-02', 5, { orderStatus: 'Pending', itemStatus: null }),
    ]);
    expect(months).toEqual([
      { marketplaceCode: 'US', sku: 'LAMP', asin: 'B0LAMP', fulfillment: 'fba', month: '2026-03', shipped: 3 },
      { marketplaceCode: 'US', sku: 'LAMP', asin: '', fulfillment: 'fba', month: '2026-03', shipped: 2 },
      { marketplaceCode: 'US', sku: 'LAMP', asin: 'B0LAMP', fulfillment: 'fba', month: '2026-04', shipped: 4 },
    ]);
    expect([...weeks.values()]).toEqual([{ marketplaceCode: 'US', sku: 'LAMP', week: '2026-03-30', shipped: 9, returnedByLag: [0, 0, 0, 0, 0] }]);
  });

  it('keeps FBA, merchant-fulfilled and unknown fulfilment apart', () => {
    const { months } = shippedRollups([line('2026-03-02', 1), line('2026-03-02', 2, { fulfillmentChannel: 'Merchant' }), line('2026-03-02', 4, { fulfillmentChannel: null })]);
    expect(months.map((m) => [m.fulfillment, m.shipped])).toEqual([['fba', 1], ['mfn', 2], ['', 4]]);
  });

  it('keeps only the months and weeks asked for', () => {
    const { months, weeks } = shippedRollups([line('2026-03-30', 3), line('2026-04-06', 4)], { months: new Set(['2026-04']), weeks: new Set(['2026-03-30']) });
    expect(months.map((m) => m.month)).toEqual(['2026-04']);
    expect([...weeks.keys()]).toEqual(['US\tLAMP\t2026-03-30']);
  });
});

describe('returnedRollups', () => {
  it('counts returns in their purchase month by reason and fault, and per week by follow-up', () => {
    const { weeks } = shippedRollups([line('2026-03-30', 10)]);
    const months = returnedRollups([
      back('2026-03-31', '2026-04-03', 1), back('2026-04-01', '2026-04-08', 2), back('2026-04-01', '2026-04-08', 1, { reasonCategory: null, fault: 'unknown' }),
      back('2026-04-02', '2026-06-30', 1), back('2026-04-02', null, 1), back(null, '2026-04-02', 7),
    ], weeks);
    expect(months).toEqual([
      { marketplaceCode: 'US', sku: 'LAMP', fulfillment: 'fba', month: '2026-03', units: 1, byReason: { not_as_described: 1 }, byFault: { seller: 1 } },
      { marketplaceCode: 'US', sku: 'LAMP', fulfillment: 'fba', month: '2026-04', units: 5, byReason: { not_as_described: 4, unmapped: 1 }, byFault: { seller: 4, unknown: 1 } },
      { marketplaceCode: 'US', sku: 'LAMP', fulfillment: '', month: '', units: 7, byReason: { not_as_described: 7 }, byFault: { seller: 7 } },
    ]);
    // Lag 0: asked for in the purchase week; lag 1: the week after; too late or undated: not kept by week.
    expect([...weeks.values()]).toEqual([{ marketplaceCode: 'US', sku: 'LAMP', week: '2026-03-30', shipped: 10, returnedByLag: [1, 3, 0, 0, 0] }]);
  });
});
