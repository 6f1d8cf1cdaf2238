import { describe, expect, it } from 'vitest';
import { context, facts, fbaReturn, orderLine, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import type { OrderFacts } from './reconcile-facts.js';
import { reconcileOrder } from './reconcile.js';

const summary = (input: OrderFacts) => reconcileOrder(input, context()).map((c) => `${c.kind} ${c.units}u ${c.owedMinor}`);
const damaged = (over = {}) => fbaReturn({ detailedDisposition: 'DAMAGED', status: 'Reimbursed', ...over });

describe('FBA damaged, not reimbursed', () => {
  it.each<[string, Partial<OrderFacts>, string[]]>([
    ['damaged by Amazon, refunded, no reimbursement', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged()] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['carrier damaged, valued at the order item price without a refund', { orderLines: [orderLine({ itemPriceMinor: 3000 })], fbaReturns: [damaged({ detailedDisposition: 'CARRIER_DAMAGED' })] }, ['fba_damaged_not_reimbursed 1u 3000']],
    ['the refunded principal wins over the item price', { orderLines: [orderLine({ itemPriceMinor: 3000 })], refunds: [refund()], fbaReturns: [damaged()] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['written as Amazon varies it', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ detailedDisposition: 'carrier damaged' })] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['damaged and reimbursed', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged()], reimbursements: [reimbursement({ reason: 'Damaged_Warehouse' })] }, []],
    ['damaged, reimbursed, reimbursement reversed', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged()], reimbursements: [reimbursement(), reversal('R-1')] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['customer damaged (the seller bears it)', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ detailedDisposition: 'CUSTOMER_DAMAGED' })] }, []],
    ['defective (the seller bears it)', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ detailedDisposition: 'DEFECTIVE' })] }, []],
    ['damaged with nothing to value it', { fbaReturns: [damaged()] }, []],
    ['2 damaged units, 1 reimbursed',
      { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [damaged({ quantity: 2 })], reimbursements: [reimbursement()] },
      ['fba_damaged_not_reimbursed 1u 2500']],
  ])('%s', (_name, input, expected) => {
    expect(summary(facts(input))).toEqual(expected);
  });

  it('the same damaged return twice with a blank license plate is claimed once', () => {
    const input = facts({ orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ licensePlate: '' }), damaged({ licensePlate: ' ' })] });
    expect(summary(input)).toEqual(['fba_damaged_not_reimbursed 1u 2500']);
  });

  it('blank-plate returns that differ in disposition, quantity or date are different returns', () => {
    const two = orderLine({ quantity: 2, itemPriceMinor: 5000 });
    const input = facts({ orderLines: [two], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [damaged({ licensePlate: '' }), damaged({ licensePlate: '', returnedAt: '2026-03-11T10:00:00Z' })] });
    expect(summary(input)).toEqual(['fba_damaged_not_reimbursed 1u 2500', 'fba_damaged_not_reimbursed 1u 2500']);
  });

  it.each<[string, Partial<OrderFacts>, string[]]>([
    ['two damaged plates, 1 ordered', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged(), damaged({ licensePlate: 'LPN-2' })] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['a blank-plate damaged return pulled twice with two dates, 1 ordered',
      { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ licensePlate: '' }), damaged({ licensePlate: '', returnedAt: '2026-03-11T10:00:00Z' })] }, ['fba_damaged_not_reimbursed 1u 2500']],
    ['a damaged return of 3 units, 2 ordered', { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })], fbaReturns: [damaged({ quantity: 3 })] }, ['fba_damaged_not_reimbursed 2u 5000']],
    ['a reimbursed unit leaves no room for a second damaged unit of 1 ordered',
      { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged(), damaged({ licensePlate: 'LPN-2' })], reimbursements: [reimbursement()] }, []],
    ['a wrong unit and a damaged unit, 1 ordered: the wrong one only',
      { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ licensePlate: 'LPN-2' }), fbaReturn({ asin: 'B00OTHER01' })] }, ['fba_wrong_unit_returned 1u 2500']],
  ])('caps damaged and wrong units at the ordered quantity less units accounted for: %s', (_name, input, expected) => {
    expect(summary(facts(input))).toEqual(expected);
  });

  it('names the license plate and keys on it', () => {
    const [claim] = reconcileOrder(facts({ orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged()] }), context());
    expect(claim).toMatchObject({ key: 'fba_damaged_not_reimbursed:US:111-1234567-1234567:SKU-A:LPN-1', ids: { licensePlate: 'LPN-1', returnedFnsku: 'X00FNSKU1' } });
    expect(claim!.window?.fromIso).toBe('2026-03-02T10:00:00.000Z');
    expect(claim!.proof.map((row) => row.source)).toEqual(['fba_returns', 'settlement_refunds']);
  });
});

describe('FBA wrong unit returned', () => {
  const twoUnits = { orderLines: [orderLine({ quantity: 2, itemPriceMinor: 5000 })], refunds: [refund({ quantity: 2, amountMinor: -5000 })] };
  it.each<[string, Partial<OrderFacts>, string[]]>([
    ['another ASIN came back', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [fbaReturn({ asin: 'B00OTHER01' })] }, ['fba_wrong_unit_returned 1u 2500']],
    ['another FNSKU than the reimbursements report names',
      { ...twoUnits, fbaReturns: [fbaReturn({ fnsku: 'X00OTHER01' })], reimbursements: [reimbursement()] },
      ['fba_wrong_unit_returned 1u 2500']],
    ['the same ASIN and FNSKU', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [fbaReturn()] }, []],
    ['the return does not say its ASIN', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [fbaReturn({ asin: null, fnsku: 'X00OTHER01' })] }, []],
    ['the order line does not say its ASIN', { orderLines: [orderLine({ asin: null })], refunds: [refund()], fbaReturns: [fbaReturn({ asin: 'B00OTHER01' })] }, []],
    ['a wrong unit already reimbursed', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [fbaReturn({ asin: 'B00OTHER01' })], reimbursements: [reimbursement()] }, []],
    ['a wrong unit marked DAMAGED is claimed once, as wrong', { orderLines: [orderLine()], refunds: [refund()], fbaReturns: [damaged({ asin: 'B00OTHER01' })] }, ['fba_wrong_unit_returned 1u 2500']],
  ])('%s', (_name, input, expected) => {
    expect(summary(facts(input))).toEqual(expected);
  });

  it('gives both ASINs', () => {
    const [claim] = reconcileOrder(facts({ orderLines: [orderLine()], refunds: [refund()], fbaReturns: [fbaReturn({ asin: 'B00OTHER01' })] }), context());
    expect(claim!.ids).toMatchObject({ asin: 'B00ASIN001', returnedAsin: 'B00OTHER01', licensePlate: 'LPN-1' });
  });
});

describe('FBA reimbursed short', () => {
  const paid = (amountTotalMinor: number, over = {}) => reimbursement({ amountTotalMinor, amountPerUnitMinor: amountTotalMinor, ...over });
  it.each<[string, Partial<OrderFacts>, string[]]>([
    ['paid 40% of the price', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(1000)] }, ['fba_reimbursed_short 1u 1500']],
    ['paid exactly 80%', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(2000)] }, []],
    ['paid one cent below 80%', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(1999)] }, ['fba_reimbursed_short 1u 501']],
    ['paid in full', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(2500)] }, []],
    ['expected from the refund when the order price is unknown', { orderLines: [orderLine({ itemPriceMinor: null })], refunds: [refund({ amountMinor: -2000 })], reimbursements: [paid(1000)] }, ['fba_reimbursed_short 1u 1000']],
    ['an inventory reimbursement is never short', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(0, { quantityCash: 0, quantityInventory: 1 })] }, []],
    ['a reimbursement in another currency is not compared', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(100, { currency: 'CAD' })] }, []],
    ['a partial reversal of the money makes it short',
      { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(2500), reversal('R-1', { amountTotalMinor: -1500, quantityCash: 0, quantityTotal: 0 })] },
      ['fba_reimbursed_short 1u 1500']],
    ['a full reversal is a missing reimbursement, not a short one', { orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(1000), reversal('R-1', { amountTotalMinor: -1000 })] }, ['fba_refunded_not_returned 1u 2500']],
    ['nothing to expect', { fbaReturns: [fbaReturn()], reimbursements: [paid(10)] }, []],
  ])('%s', (_name, input, expected) => {
    expect(summary(facts(input))).toEqual(expected);
  });

  it('shows expected and paid as components', () => {
    const [claim] = reconcileOrder(facts({ orderLines: [orderLine()], refunds: [refund()], reimbursements: [paid(1000)] }), context());
    expect(claim!.components).toEqual([
      { label: '1 × $25.00 order item price per unit expected', amountMinor: 2500 },
      { label: 'Paid by reimbursement R-1', amountMinor: -1000 },
    ]);
    expect(claim!.ids).toMatchObject({ reimbursementId: 'R-1', fnsku: 'X00FNSKU1' });
  });
});
