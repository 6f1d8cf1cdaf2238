import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { context, facts, fbaReturn, inspection, mfnReturn, orderLine, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import { reconcileOrder } from './reconcile.js';

// Random orders from small pools of plausible and awkward rows: whatever they hold, every candidate is
// well formed and keys never repeat.
const skus = fc.constantFrom('SKU-A', 'SKU-B', 'SKU-M');
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`);
const money = fc.integer({ min: -10_000, max: 10_000 });
const qty = fc.option(fc.integer({ min: -1, max: 4 }), { nil: null });

const refunds = fc.array(fc.record({ sku: skus, adjustmentId: fc.constantFrom('ADJ-1', 'ADJ-2', 'ADJ-3'), settlementId: fc.constantFrom('S1', 'S2'),
  amountDescription: fc.constantFrom('Principal', 'Shipping'), amountMinor: money, currency: fc.constantFrom('USD', 'USD', 'CAD'), postedAt: day, quantity: qty })
  .map((over) => refund(over)), { maxLength: 6 });
const returns = fc.array(fc.record({ sku: skus, licensePlate: fc.constantFrom('LPN-1', 'LPN-2', 'LPN-3', ''), quantity: fc.integer({ min: 0, max: 3 }),
  detailedDisposition: fc.constantFrom('SELLABLE', 'DAMAGED', 'CARRIER_DAMAGED', 'CUSTOMER_DAMAGED', null), asin: fc.constantFrom('B00ASIN001', 'B00OTHER01', null), returnedAt: day })
  .map((over) => fbaReturn(over)), { maxLength: 4 });
const reimbursements = fc.array(fc.oneof(
  fc.record({ sku: skus, reimbursementId: fc.constantFrom('R-1', 'R-2'), amountTotalMinor: fc.integer({ min: 0, max: 5000 }), quantityCash: fc.integer({ min: 0, max: 2 }), quantityTotal: fc.integer({ min: 0, max: 2 }), currency: fc.constantFrom('USD', 'CAD') }).map((over) => reimbursement(over)),
  fc.record({ of: fc.constantFrom('R-1', 'R-2'), amountTotalMinor: fc.integer({ min: -5000, max: -1 }), quantityCash: fc.integer({ min: -2, max: 0 }) }).map(({ of, ...over }) => reversal(of, over)),
), { maxLength: 4 });
const lines = fc.array(fc.record({ sku: skus, quantity: fc.integer({ min: 1, max: 3 }), itemPriceMinor: fc.option(fc.integer({ min: 1, max: 9000 }), { nil: null }), fulfillmentChannel: fc.constantFrom('Amazon', 'Merchant', null) })
  .map((over) => orderLine(over)), { maxLength: 3 });
const mfn = fc.array(fc.record({ caseId: fc.constantFrom(7, 8), rmaId: fc.constantFrom('RMA-1', 'RMA-2', ''), resolution: fc.constantFrom('RefundAtFirstScan', 'StandardRefund', 'ReturnlessRefund', 'CustomerServiceRefund'),
  refundedAmountMinor: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null }), orderAmountMinor: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null }), returnQuantity: fc.integer({ min: 0, max: 3 }),
  returnDeliveredAt: fc.option(day, { nil: null }) }).map((over) => mfnReturn(over)), { maxLength: 3 });
const inspections = fc.array(fc.record({ caseId: fc.constantFrom(7, 8), grade: fc.constantFrom('new', 'used_good', 'unsellable_damaged', 'unsellable_defective', 'wrong_item', 'missing') }).map((over) => inspection(over)), { maxLength: 2 });

describe('reconcileOrder (property)', () => {
  it('owes exactly the sum of the components, > 0, for at least one unit, keys unique', () => {
    fc.assert(fc.property(refunds, returns, reimbursements, lines, mfn, inspections, (r, f, m, o, s, i) => {
      const found = reconcileOrder(facts({ refunds: r, fbaReturns: f, reimbursements: m, orderLines: o, mfnReturns: s, inspections: i }), context());
      for (const claim of found) {
        expect(claim.owedMinor).toBe(claim.components.reduce((total, c) => total + c.amountMinor, 0));
        expect(claim.owedMinor).toBeGreaterThan(0);
        expect(claim.units).toBeGreaterThanOrEqual(1);
        expect(Number.isSafeInteger(claim.owedMinor)).toBe(true);
        expect(claim.proof.length).toBeGreaterThan(0);
      }
      expect(new Set(found.map((c) => c.key)).size).toBe(found.length);
    }), { numRuns: 500 });
  });

  it('never claims without a refund, a damaged or wrong return, or a reimbursement', () => {
    fc.assert(fc.property(lines, (o) => {
      expect(reconcileOrder(facts({ orderLines: o }), context())).toEqual([]);
    }));
  });
});
