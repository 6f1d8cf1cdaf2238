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

  it('applies the SAFE-T maximum per order across its returns, reducing the later one', () => {
    const input = facts({
      mfnReturns: [mfnReturn({ refundedAmountMinor: 400_000, orderAmountMinor: 400_000 }), mfnReturn({ sku: 'SKU-N', rmaId: 'RMA-2', caseId: 8, refundedAmountMinor: 400_000, orderAmountMinor: 400_000, returnDeliveredAt: '2026-03-13T18:00:00Z' })],
      inspections: [inspection({ caseId: 7, grade: 'missing' }), inspection({ caseId: 8, grade: 'missing' })],
    });
    const found = reconcileOrder(input, context());
    expect(found.map((c) => [c.key, c.owedMinor, c.components.map((x) => x.amountMinor)])).toEqual([
      ['safet:US:111-1234567-1234567:SKU-M:RMA-1', 400_000, [400_000]],
      ['safet:US:111-1234567-1234567:SKU-N:RMA-2', 100_000, [400_000, -300_000]],
    ]);
    expect(found.reduce((total, c) => total + c.owedMinor, 0)).toBeLessThanOrEqual(500_000);
    expect(found[1]!.components[1]!.label).toContain('$4,000.00 already claimed on other returns of the order');
  });

  it('claims nothing once the order maximum is used up by earlier returns', () => {
    const input = facts({
      mfnReturns: [mfnReturn({ refundedAmountMinor: 600_000, orderAmountMinor: 600_000 }), mfnReturn({ sku: 'SKU-N', rmaId: 'RMA-2', caseId: 8, refundedAmountMinor: 4000, returnDeliveredAt: '2026-03-13T18:00:00Z' })],
      inspections: [inspection({ caseId: 7, grade: 'missing' }), inspection({ caseId: 8, grade: 'missing' })],
    });
    expect(summary(input)).toEqual(['safet 1u 500000']);
  });

  it('one SAFE-T claim per order: a claim id on any MFN row of the order skips all its returns', () => {
    const input = facts({ mfnReturns: [mfnReturn({ safetClaimId: 'ST-1' }), mfnReturn({ sku: 'SKU-N', rmaId: 'RMA-2', caseId: 8 })], inspections: [inspection({ caseId: 8, grade: 'missing' })] });
    expect(summary(input)).toEqual([]);
  });

  describe('the refund a window counts from is the one tied to the return, never a later one', () => {
    const twoRmas = (over: { first?: Partial<Parameters<typeof mfnReturn>[0]>; second?: Partial<Parameters<typeof mfnReturn>[0]> } = {}) => facts({
      mfnReturns: [
        mfnReturn({ rmaId: 'RMA-1', caseId: 7, returnDeliveredAt: '2026-03-04T18:00:00Z', orderQuantity: 2, orderAmountMinor: 8000, ...over.first }),
        mfnReturn({ rmaId: 'RMA-2', caseId: 8, returnDeliveredAt: '2026-04-12T18:00:00Z', orderQuantity: 2, orderAmountMinor: 8000, ...over.second }),
      ],
      refunds: [refund({ sku: 'SKU-M', adjustmentId: 'A1', amountMinor: -4000, postedAt: '2026-03-01T10:00:00Z' }), refund({ sku: 'SKU-M', adjustmentId: 'A2', orderItemCode: 'x', amountMinor: -4000, postedAt: '2026-04-10T10:00:00Z' })],
      inspections: [inspection({ caseId: 7, grade: 'missing' }), inspection({ caseId: 8, grade: 'missing' })],
    });
    const windows = (input: OrderFacts) => reconcileOrder(input, context({ nowIso: '2026-04-20T00:00:00Z' })).map((c) => [c.ids.rmaId, c.window?.fromIso, c.window?.closesAt]);

    it('without a request date: the earliest refund of the SKU (the probe: RMA-1 no longer counts from RMA-2\'s refund)', () => {
      expect(windows(twoRmas())).toEqual([
        ['RMA-1', '2026-03-04T18:00:00.000Z', '2026-04-03T17:00:00.000Z'], // 30 local days: 10:00 PST → 10:00 PDT
        ['RMA-2', '2026-04-12T18:00:00.000Z', '2026-05-12T18:00:00.000Z'],
      ]);
    });

    it('with a request date: the earliest refund posted on or after it', () => {
      const input = twoRmas({ first: { returnRequestedAt: '2026-02-27T10:00:00Z', returnDeliveredAt: '2026-02-28T18:00:00Z' }, second: { returnRequestedAt: '2026-04-05T10:00:00Z', returnDeliveredAt: '2026-04-08T18:00:00Z' } });
      expect(windows(input)).toEqual([
        ['RMA-1', '2026-03-01T10:00:00.000Z', '2026-03-31T09:00:00.000Z'],
        ['RMA-2', '2026-04-10T10:00:00.000Z', '2026-05-10T10:00:00.000Z'],
      ]);
    });

    it('no refund on or after the request date: the earliest refund of the SKU', () => {
      const input = twoRmas({ second: { returnRequestedAt: '2026-04-15T10:00:00Z', returnDeliveredAt: '2026-04-18T18:00:00Z' } });
      expect(windows(input)[1]).toEqual(['RMA-2', '2026-04-18T18:00:00.000Z', '2026-05-18T18:00:00.000Z']);
    });
  });

  it('values by the order line when the report has no order amount', () => {
    const input = base({ mfnReturns: [mfnReturn({ orderAmountMinor: null })], orderLines: [orderLine({ sku: 'SKU-M', itemPriceMinor: 3000, fulfillmentChannel: 'Merchant' })] });
    expect(summary(input)).toEqual(['safet 1u 1500']);
  });
});
