import { describe, expect, it } from 'vitest';
import { context, facts, fbaReturn, orderLine, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import type { OrderFacts } from './reconcile-facts.js';
import { reconcileOrder } from './reconcile.js';

const summary = (input: OrderFacts) => reconcileOrder(input, context()).map((c) => `${c.kind} ${c.units}u ${c.owedMinor}`);
const fbaLine = orderLine();

describe('FBA refunded, not returned', () => {
  it.each<[string, Partial<OrderFacts>, string[]]>([
    ['a refunded unit that never came back', { orderLines: [fbaLine], refunds: [refund()] }, ['fba_refunded_not_returned 1u 2500']],
    ['a refunded unit back one day inside the window', { orderLines: [fbaLine], refunds: [refund()], fbaReturns: [fbaReturn({ returnedAt: '2026-05-02T10:00:00Z' })] }, []],
    ['a returned unit in any disposition', { orderLines: [fbaLine], refunds: [refund()], fbaReturns: [fbaReturn({ detailedDisposition: 'CUSTOMER_DAMAGED' })] }, []],
    ['a refunded unit Amazon reimbursed', { orderLines: [fbaLine], refunds: [refund()], reimbursements: [reimbursement()] }, []],
    ['an inventory reimbursement (unit back in stock)', { orderLines: [fbaLine], refunds: [refund()], reimbursements: [reimbursement({ amountTotalMinor: 0, amountPerUnitMinor: 0, quantityCash: 0, quantityInventory: 1 })] }, []],
    ['a reimbursement reversed in full: the claim is back', { orderLines: [fbaLine], refunds: [refund()], reimbursements: [reimbursement(), reversal('R-1')] }, ['fba_refunded_not_returned 1u 2500']],
    ['a reversal that names no units but takes all the money back', { orderLines: [fbaLine], refunds: [refund()], reimbursements: [reimbursement(), reversal('R-1', { quantityCash: 0, quantityTotal: 0 })] }, ['fba_refunded_not_returned 1u 2500']],
    ['a partial reversal: 1 of 2 reimbursed units taken back',
      { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })],
        reimbursements: [reimbursement({ quantityCash: 2, quantityTotal: 2, amountTotalMinor: 5000 }), reversal('R-1')] }, ['fba_refunded_not_returned 1u 2500']],
    ['a reversal of another reimbursement cancels nothing here', { orderLines: [fbaLine], refunds: [refund()], reimbursements: [reimbursement(), reversal('R-OTHER')] }, []],
    ['3 ordered, 2 refunded, 1 returned', { orderLines: [orderLine({ quantity: 3, itemPriceMinor: 7500 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [fbaReturn()] }, ['fba_refunded_not_returned 1u 2500']],
    ['2 refunded, 2 returned on two license plates', { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [fbaReturn(), fbaReturn({ licensePlate: 'LPN-2' })] }, []],
    ['the same return pulled twice counts once', { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [fbaReturn(), fbaReturn({ returnedAt: '2026-03-11T10:00:00Z' })] }, ['fba_refunded_not_returned 1u 2500']],
    ['a refund without quantity counts 1 unit', { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: null })] }, ['fba_refunded_not_returned 1u 2500']],
    ['the same refund in two settlement files counts once', { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund(), refund({ settlementId: 'S2', file: 'settlement-2.txt' })] }, ['fba_refunded_not_returned 1u 2500']],
    ['shipping, tax and fees are not the unit value', { orderLines: [fbaLine], refunds: [refund(), refund({ amountDescription: 'Shipping', amountMinor: -499 }), refund({ amountType: 'ItemFees', amountDescription: 'Commission', amountMinor: 375 })] }, ['fba_refunded_not_returned 1u 2500']],
    ['a refund in another currency', { orderLines: [fbaLine], refunds: [refund({ currency: 'CAD' })] }, []],
    ['a replacement-order refund with 0 principal', { orderLines: [fbaLine], refunds: [refund({ amountMinor: 0 }), refund({ amountDescription: 'Shipping', amountMinor: -499 })] }, []],
    ['a shipping-only refund', { orderLines: [fbaLine], refunds: [refund({ amountDescription: 'Shipping', amountMinor: -499 })] }, []],
    ['a goodwill partial refund below half the price', { orderLines: [fbaLine], refunds: [refund({ amountMinor: -500 })] }, []],
    ['a refund with quantity 0 (price adjustment)', { orderLines: [fbaLine], refunds: [refund({ quantity: 0 })] }, []],
    ['an MFN order line', { orderLines: [orderLine({ fulfillmentChannel: 'Merchant' })], refunds: [refund()] }, []],
    ['no order line and nothing showing FBA', { refunds: [refund()] }, []],
    ['no refund row at all', { orderLines: [fbaLine] }, []],
    ['a refund without SKU', { orderLines: [fbaLine], refunds: [refund({ sku: null })] }, []],
    ['a refund of another order', { orderLines: [fbaLine], refunds: [refund({ orderId: '999-0000000-0000000' })] }, []],
  ])('%s', (_name, input, expected) => {
    expect(summary(facts(input))).toEqual(expected);
  });

  it('claims the earliest refund adjustment when a return matches the later one (returns match the newest refunds first)', () => {
    const found = reconcileOrder(facts({
      orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })],
      refunds: [refund({ adjustmentId: 'ADJ-1', postedAt: '2026-03-02T10:00:00Z' }), refund({ adjustmentId: 'ADJ-2', merchantAdjustmentItemId: 'MAI-2', amountMinor: -2400, postedAt: '2026-03-20T10:00:00Z' })],
      fbaReturns: [fbaReturn()],
    }), context());
    expect(found.map((c) => [c.key, c.owedMinor, c.window?.fromIso])).toEqual([
      ['fba_refunded_not_returned:US:111-1234567-1234567:SKU-A:ADJ-1', 2500, '2026-03-02T10:00:00.000Z'],
    ]);
  });

  it('one reimbursement id with a row for each of two refunded SKUs settles both (keyed by id and SKU)', () => {
    const found = reconcileOrder(facts({
      orderLines: [orderLine(), orderLine({ sku: 'SKU-B', asin: 'B00ASIN002' })],
      refunds: [refund(), refund({ sku: 'SKU-B', adjustmentId: 'ADJ-2', orderItemCode: 'OIC-2', merchantAdjustmentItemId: 'MAI-2' })],
      reimbursements: [reimbursement(), reimbursement({ sku: 'SKU-B', fnsku: 'X00FNSKU2', asin: 'B00ASIN002' })],
    }), context());
    expect(found).toEqual([]);
  });

  it('a refund of 2 units with a blank quantity, 1 unit back: claims the other unit at its price', () => {
    expect(summary(facts({ orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: null, amountMinor: -10000 })], fbaReturns: [fbaReturn()] })))
      .toEqual(['fba_refunded_not_returned 1u 5000']);
  });

  it('two identical principal rows in one settlement are two refunded units', () => {
    expect(summary(facts({ orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund(), refund()] })))
      .toEqual(['fba_refunded_not_returned 2u 5000']);
  });

  it('keeps the oldest refund claimed, with its key and window, when a later refund and a return arrive', () => {
    const line = orderLine({ quantity: 2, itemPriceMinor: 5000 });
    const a1 = refund({ adjustmentId: 'A1', postedAt: '2026-03-02T10:00:00Z' });
    const a2 = refund({ adjustmentId: 'A2', merchantAdjustmentItemId: 'MAI-2', postedAt: '2026-03-25T10:00:00Z' });
    const keyAndWindow = (input: OrderFacts) => reconcileOrder(input, context()).map((c) => [c.key, c.units, c.owedMinor, c.window?.closesAt]);
    const first = keyAndWindow(facts({ orderLines: [line], refunds: [a1] }));
    expect(first).toEqual([['fba_refunded_not_returned:US:111-1234567-1234567:SKU-A:A1', 1, 2500, '2026-06-30T09:00:00.000Z']]);
    expect(keyAndWindow(facts({ orderLines: [line], refunds: [a1, a2], fbaReturns: [fbaReturn({ returnedAt: '2026-04-01T10:00:00Z' })] }))).toEqual(first);
  });

  it('gives the full candidate: window 60-120 days after the refund (US), proof with file and line, ids', () => {
    const [claim] = reconcileOrder(facts({ orderLines: [fbaLine], refunds: [refund()], caseIds: { 'SKU-A': 42 } }), context());
    expect(claim).toMatchObject({
      kind: 'fba_refunded_not_returned', units: 1, owedMinor: 2500, currency: 'USD', caseId: 42,
      components: [{ label: '1 × $25.00 refunded principal per unit', amountMinor: 2500 }],
      window: { ruleId: 'fba-reimbursement-claim', fromIso: '2026-03-02T10:00:00.000Z', opensAt: '2026-05-01T09:00:00.000Z', closesAt: '2026-06-30T09:00:00.000Z' },
      ids: { orderId: '111-1234567-1234567', sku: 'SKU-A', asin: 'B00ASIN001', adjustmentId: 'ADJ-1' },
    });
    expect(claim!.computation).toContain('1 unit(s) are owed');
    expect(claim!.proof[0]).toMatchObject({ source: 'settlement_refunds', file: 'settlement-1.txt', summary: expect.stringContaining('Refund ADJ-1 (ItemPrice/Principal) of $25.00') });
    expect(claim!.proof.every((row) => typeof row.line === 'number')).toBe(true);
  });

  it('uses the EU window (45-105 days) and none where no rule covers the marketplace', () => {
    const eu = { marketplaceCode: 'DE', currency: 'EUR', orderLines: [orderLine({ currency: 'EUR' })], refunds: [refund({ currency: 'EUR' })] };
    const berlin = { ...context(), calendar: { timeZone: 'Europe/Berlin', weekendDays: [6, 0], holidays: new Set<string>() } };
    expect(reconcileOrder(facts(eu), berlin)[0]!.window).toMatchObject({ opensAt: '2026-04-16T09:00:00.000Z', closesAt: '2026-06-15T09:00:00.000Z' });
    const jp = { marketplaceCode: 'JP', currency: 'JPY', orderLines: [orderLine({ currency: 'JPY', itemPriceMinor: 2500 })], refunds: [refund({ currency: 'JPY' })] };
    const [claim] = reconcileOrder(facts(jp), context());
    expect(claim).toMatchObject({ owedMinor: 2500, window: null });
  });

  it('is a candidate before its window opens', () => {
    expect(reconcileOrder(facts({ orderLines: [fbaLine], refunds: [refund()] }), context({ nowIso: '2026-03-03T00:00:00Z' }))).toHaveLength(1);
  });
});
