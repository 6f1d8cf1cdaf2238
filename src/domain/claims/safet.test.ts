import { describe, expect, it } from 'vitest';
import { context, facts, inspection, mfnReturn, orderLine, refund } from '../../../test/claim-facts.js';
import type { OrderFacts } from './reconcile-facts.js';
import { reconcileOrder } from './reconcile.js';

const summary = (input: OrderFacts, now?: string) => reconcileOrder(input, context({ nowIso: now })).map((c) => `${c.kind} ${c.units}u ${c.owedMinor}`);
const settled = refund({ sku: 'SKU-M', amountMinor: -4000, postedAt: '2026-03-14T10:00:00Z' });
const base = (over: Partial<OrderFacts> = {}): OrderFacts => facts({ mfnReturns: [mfnReturn()], refunds: [settled], inspections: [inspection()], ...over });
const notDelivered = (over = {}) => facts({ mfnReturns: [mfnReturn({ returnDeliveredAt: null, ...over })], refunds: [refund({ sku: 'SKU-M', amountMinor: -4000, postedAt: '2026-03-01T10:00:00Z' })] });

describe('MFN SAFE-T', () => {
  it.each<[string, OrderFacts, string[]]>([
    ['refund at first scan, buyer damaged the unit: capped at 50% of the order value', base(), ['safet 1u 2000']],
    ['a used unit: capped at 50%', base({ inspections: [inspection({ grade: 'used_good' })] }), ['safet 1u 2000']],
    ['a different item: the refund', base({ inspections: [inspection({ grade: 'wrong_item' })] }), ['safet 1u 4000']],
    ['an empty parcel: the refund', base({ inspections: [inspection({ grade: 'missing' })] }), ['safet 1u 4000']],
    ['the latest inspection counts', base({ inspections: [inspection({ grade: 'new' }), inspection({ grade: 'wrong_item', inspectedAt: '2026-03-14T09:00:00Z' })] }), ['safet 1u 4000']],
    ['a partial refund below the cap: the refund', base({ mfnReturns: [mfnReturn({ refundedAmountMinor: 1500 })] }), ['safet 1u 1500']],
    ['1 of 2 units returned damaged: 50% of that unit', base({ mfnReturns: [mfnReturn({ orderAmountMinor: 8000, orderQuantity: 2 })] }), ['safet 1u 2000']],
    ['a customer-service refund, returned damaged', base({ mfnReturns: [mfnReturn({ resolution: 'CustomerServiceRefund' })] }), ['safet 1u 2000']],
    ['never delivered 45 days after the refund', notDelivered(), ['safet 1u 4000']],
    ['a new unit came back', base({ inspections: [inspection({ grade: 'new' })] }), []],
    ['a defective unit came back (not the buyer\'s doing)', base({ inspections: [inspection({ grade: 'unsellable_defective' })] }), []],
    ['delivered, not inspected yet', base({ inspections: [] }), []],
    ['seller-issued refund (StandardRefund)', base({ mfnReturns: [mfnReturn({ resolution: 'StandardRefund' })] }), []],
    ['an A-to-z claim', base({ mfnReturns: [mfnReturn({ returnType: 'A-to-z Guarantee' })] }), []],
    ['already filed (SAFE-T claim id)', base({ mfnReturns: [mfnReturn({ safetClaimId: 'SAFET-9', safetClaimState: 'Pending' })] }), []],
    ['nothing refunded', base({ mfnReturns: [mfnReturn({ refundedAmountMinor: null })] }), []],
    ['refunded 0', base({ mfnReturns: [mfnReturn({ refundedAmountMinor: 0 })] }), []],
    ['refunded in another currency', base({ mfnReturns: [mfnReturn({ currency: 'EUR' })] }), []],
    ['a returnless refund expects no unit back', notDelivered({ resolution: 'ReturnlessRefund' }), []],
    ['not delivered, no refund row to count from', facts({ mfnReturns: [mfnReturn({ returnDeliveredAt: null })] }), []],
  ])('%s', (_name, input, expected) => {
    expect(summary(input)).toEqual(expected);
  });

  it('waits the policy days before a missing return counts', () => {
    expect(summary(notDelivered(), '2026-04-14T12:00:00Z')).toEqual([]);
    expect(summary(notDelivered(), '2026-04-15T12:00:00Z')).toEqual(['safet 1u 4000']);
  });

  it('counts the 30-day window from the later of delivery and refund', () => {
    const [claim] = reconcileOrder(base(), context());
    expect(claim).toMatchObject({
      key: 'safet:US:111-1234567-1234567:SKU-M:RMA-1', caseId: 7,
      window: { ruleId: 'safet-filing', fromIso: '2026-03-14T10:00:00.000Z', opensAt: '2026-03-14T10:00:00.000Z', closesAt: '2026-04-13T10:00:00.000Z' },
      components: [{ label: '50% of the order value $40.00 (SAFE-T cap for buyer damage)', amountMinor: 2000 }],
      ids: { rmaId: 'RMA-1', caseId: '7' },
    });
    expect(claim!.proof.map((row) => row.source)).toEqual(['mfn_returns', 'inspections', 'settlement_refunds']);
    const deliveredLater = reconcileOrder(base({ mfnReturns: [mfnReturn({ returnDeliveredAt: '2026-03-20T18:00:00Z' })] }), context());
    expect(deliveredLater[0]!.window?.fromIso).toBe('2026-03-20T18:00:00.000Z');
  });

  it('gives 60 days before 2026-02-16 and counts from delivery when no refund row is on record', () => {
    const early = facts({ mfnReturns: [mfnReturn({ returnDeliveredAt: '2026-01-10T18:00:00Z' })], inspections: [inspection({ grade: 'wrong_item' })] });
    expect(reconcileOrder(early, context())[0]!.window).toMatchObject({ fromIso: '2026-01-10T18:00:00.000Z', closesAt: '2026-03-11T17:00:00.000Z' }); // 60 local days: 10:00 PST → 10:00 PDT
  });

  it('keys returnless cases without an RMA on the case id, and caps at the per-order maximum', () => {
    const big = facts({ mfnReturns: [mfnReturn({ rmaId: ' ', orderAmountMinor: 2_000_000, refundedAmountMinor: 1_200_000 })], inspections: [inspection({ grade: 'missing' })] });
    const [claim] = reconcileOrder(big, context());
    expect(claim).toMatchObject({ key: 'safet:US:111-1234567-1234567:SKU-M:case-7', owedMinor: 500_000 });
    expect(claim!.components.map((c) => c.amountMinor)).toEqual([1_200_000, -700_000]);
  });

  it('values by the order line when the report has no order amount', () => {
    const input = base({ mfnReturns: [mfnReturn({ orderAmountMinor: null })], orderLines: [orderLine({ sku: 'SKU-M', itemPriceMinor: 3000, fulfillmentChannel: 'Merchant' })] });
    expect(summary(input)).toEqual(['safet 1u 1500']);
  });
});
