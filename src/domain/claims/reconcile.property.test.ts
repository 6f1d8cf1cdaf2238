import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { context, facts, fbaReturn, inspection, mfnReturn, orderLine, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import type { ClaimCandidate } from './claim.js';
import type { OrderFacts } from './reconcile-facts.js';
import { claimCandidates, reconcileOrder } from './reconcile.js';

// Random orders of several FBA SKUs with several refunds, returns and reimbursements each (and MFN
// returns beside them), checked against what the rows allow, computed here from the rows themselves:
// (a) no FBA claim asks for more units of a SKU than were ordered; (b) when every refunded unit came
// back or was reimbursed in full, nothing is owed; (c) keys never repeat in the finders' raw output.

const skuList = ['SKU-A', 'SKU-B', 'SKU-C'] as const;
const sku = fc.constantFrom(...skuList);
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`);
const fbaKinds = new Set<string>(['fba_refunded_not_returned', 'fba_damaged_not_reimbursed', 'fba_reimbursed_short', 'fba_wrong_unit_returned']);

/** One All Orders line per SKU: what (a) measures against. */
const orderLines = fc.tuple(...skuList.map((s) => fc.record({
  quantity: fc.integer({ min: 1, max: 3 }), itemPriceMinor: fc.option(fc.integer({ min: 500, max: 9000 }), { nil: null }), fulfillmentChannel: fc.constantFrom('Amazon', 'Amazon', null),
}).map((over) => orderLine({ sku: s, ...over }))));
const refunds = fc.array(fc.record({
  sku, adjustmentId: fc.constantFrom('ADJ-1', 'ADJ-2', 'ADJ-3', 'ADJ-4'), settlementId: fc.constantFrom('S1', 'S2'), orderItemCode: fc.constantFrom('OIC-1', 'OIC-2'),
  amountDescription: fc.constantFrom('Principal', 'Principal', 'Shipping'), amountMinor: fc.integer({ min: -20_000, max: 2_000 }), currency: fc.constantFrom('USD', 'USD', 'USD', 'CAD'),
  postedAt: day, quantity: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
}).map((over) => refund(over)), { maxLength: 10 });
const returns = fc.array(fc.record({
  sku, licensePlate: fc.constantFrom('LPN-1', 'LPN-2', 'LPN-3', 'LPN-4', '', ' '), quantity: fc.integer({ min: 0, max: 3 }),
  detailedDisposition: fc.constantFrom('SELLABLE', 'DAMAGED', 'CARRIER_DAMAGED', 'CUSTOMER_DAMAGED', null), asin: fc.constantFrom('B00ASIN001', 'B00OTHER01', null),
  fnsku: fc.constantFrom('X00FNSKU1', 'X00OTHER01', null), returnedAt: day,
}).map((over) => fbaReturn(over)), { maxLength: 8 });
const reimbursements = fc.array(fc.oneof(
  fc.record({ sku, reimbursementId: fc.constantFrom('R-1', 'R-2', 'R-3'), amountTotalMinor: fc.integer({ min: 0, max: 9000 }), quantityCash: fc.integer({ min: 0, max: 3 }),
    quantityInventory: fc.integer({ min: 0, max: 1 }), quantityTotal: fc.integer({ min: 0, max: 3 }), currency: fc.constantFrom('USD', 'USD', 'CAD') }).map((over) => reimbursement(over)),
  fc.record({ sku, of: fc.constantFrom('R-1', 'R-2', 'R-3'), amountTotalMinor: fc.integer({ min: -9000, max: -1 }), quantityCash: fc.integer({ min: -2, max: 0 }) })
    .map(({ of, ...over }) => reversal(of, over)),
), { maxLength: 6 });
const mfn = fc.array(fc.record({
  sku: fc.constantFrom('SKU-M', 'SKU-N'), caseId: fc.constantFrom(7, 8), rmaId: fc.constantFrom('RMA-1', 'RMA-2', ''),
  resolution: fc.constantFrom('RefundAtFirstScan', 'StandardRefund', 'ReturnlessRefund', 'CustomerServiceRefund'),
  refundedAmountMinor: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null }), orderAmountMinor: fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null }),
  returnQuantity: fc.integer({ min: 0, max: 3 }), returnDeliveredAt: fc.option(day, { nil: null }),
}).map((over) => mfnReturn(over)), { maxLength: 4 });
const inspections = fc.array(fc.record({ caseId: fc.constantFrom(7, 8), grade: fc.constantFrom('new', 'used_good', 'unsellable_damaged', 'unsellable_defective', 'wrong_item', 'missing') })
  .map((over) => inspection(over)), { maxLength: 3 });

const randomOrder = fc.record({ orderLines, refunds, fbaReturns: returns, reimbursements, mfnReturns: mfn, inspections })
  .map(({ orderLines: lines, ...rest }) => facts({ orderLines: [...lines], ...rest }));

function unitsBySku(found: readonly ClaimCandidate[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const claim of found) if (fbaKinds.has(claim.kind)) units.set(claim.sku, (units.get(claim.sku) ?? 0) + claim.units);
  return units;
}

/**
 * (b) An order where every refunded unit is accounted for: per SKU, u ≤ ordered units refunded over one
 * or two adjustments at the unit price (quantity given or blank; some rows repeated in a second
 * settlement file), r of them back SELLABLE on their own license plates, the other u − r reimbursed in
 * full (cash) or back to stock (inventory) under reimbursement id R-1 shared by every SKU.
 */
const settledOrder = fc.tuple(...skuList.map((s) => fc.record({
  ordered: fc.integer({ min: 1, max: 3 }), unitPrice: fc.integer({ min: 500, max: 5000 }), refunded: fc.integer({ min: 0, max: 3 }), firstShare: fc.integer({ min: 0, max: 3 }),
  returned: fc.integer({ min: 0, max: 3 }), blankQuantity: fc.boolean(), repeated: fc.boolean(), inventory: fc.boolean(),
}).map((plan) => ({ sku: s, ...plan })))).map((plans): OrderFacts => {
  const input = { orderLines: [] as ReturnType<typeof orderLine>[], refunds: [] as ReturnType<typeof refund>[], fbaReturns: [] as ReturnType<typeof fbaReturn>[], reimbursements: [] as ReturnType<typeof reimbursement>[] };
  for (const plan of plans) {
    const refunded = Math.min(plan.refunded, plan.ordered);
    const returned = Math.min(plan.returned, refunded);
    const first = Math.min(plan.firstShare, refunded);
    input.orderLines.push(orderLine({ sku: plan.sku, quantity: plan.ordered, itemPriceMinor: plan.unitPrice * plan.ordered }));
    for (const [index, units] of [first, refunded - first].entries()) {
      if (units === 0) continue;
      const row = { sku: plan.sku, adjustmentId: `ADJ-${plan.sku}-${index}`, orderItemCode: `OIC-${plan.sku}`, amountMinor: -plan.unitPrice * units,
        quantity: plan.blankQuantity ? null : units, postedAt: `2026-03-0${index + 2}T10:00:00Z` };
      input.refunds.push(refund(row), ...(plan.repeated ? [refund({ ...row, settlementId: 'S2', file: 'settlement-2.txt' })] : []));
    }
    for (let i = 0; i < returned; i++) input.fbaReturns.push(fbaReturn({ sku: plan.sku, licensePlate: `LPN-${plan.sku}-${i}` }));
    const reimbursed = refunded - returned;
    if (reimbursed > 0) {
      input.reimbursements.push(plan.inventory
        ? reimbursement({ sku: plan.sku, amountTotalMinor: 0, amountPerUnitMinor: 0, quantityCash: 0, quantityInventory: reimbursed, quantityTotal: reimbursed })
        : reimbursement({ sku: plan.sku, amountTotalMinor: plan.unitPrice * reimbursed, amountPerUnitMinor: plan.unitPrice, quantityCash: reimbursed, quantityTotal: reimbursed }));
    }
  }
  return facts(input);
});

describe('reconcileOrder (property)', () => {
  it('(a) never claims more units of a SKU across the FBA kinds than were ordered', () => {
    fc.assert(fc.property(randomOrder, (input) => {
      const found = reconcileOrder(input, context());
      for (const [claimedSku, units] of unitsBySku(found)) {
        const ordered = input.orderLines.find((line) => line.sku === claimedSku)!.quantity;
        expect(units, `${claimedSku}: ${units} unit(s) claimed of ${ordered} ordered`).toBeLessThanOrEqual(ordered);
      }
    }), { numRuns: 1000 });
  });

  it('(b) claims nothing when every refunded unit came back or was reimbursed', () => {
    fc.assert(fc.property(settledOrder, (input) => {
      expect(reconcileOrder(input, context())).toEqual([]);
    }), { numRuns: 500 });
  });

  it('(c) keys never repeat in the finders\' raw output, and reconcileOrder drops none', () => {
    fc.assert(fc.property(randomOrder, (input) => {
      const raw = claimCandidates(input, context()).map((claim) => claim.key);
      const repeated = raw.filter((key, index) => raw.indexOf(key) !== index);
      expect(repeated).toEqual([]);
      expect(reconcileOrder(input, context()).map((claim) => claim.key)).toEqual([...raw].sort());
    }), { numRuns: 1000 });
  });

  it('owes exactly the sum of the components, > 0, for at least one unit; SAFE-T within the per-order maximum', () => {
    fc.assert(fc.property(randomOrder, (input) => {
      const found = reconcileOrder(input, context());
      for (const claim of found) {
        expect(claim.owedMinor).toBe(claim.components.reduce((total, c) => total + c.amountMinor, 0));
        expect(claim.owedMinor).toBeGreaterThan(0);
        expect(claim.units).toBeGreaterThanOrEqual(1);
        expect(Number.isSafeInteger(claim.owedMinor)).toBe(true);
        expect(claim.proof.length).toBeGreaterThan(0);
      }
      const safet = found.filter((claim) => claim.kind === 'safet').reduce((total, claim) => total + claim.owedMinor, 0);
      expect(safet).toBeLessThanOrEqual(context().policy.safetMaxPerOrderMinor.USD!);
    }), { numRuns: 500 });
  });

  it('never claims without a refund, a damaged or wrong return, or a reimbursement', () => {
    fc.assert(fc.property(orderLines, (lines) => {
      expect(reconcileOrder(facts({ orderLines: [...lines] }), context())).toEqual([]);
    }));
  });
});
