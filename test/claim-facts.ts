// Test-only factories: hand-made report rows for one order, each with its own file and line, and a
// context with the shipped deadline rules and policy. Not imported by production code.
import { defaultClaimsPolicy } from '../src/domain/claims/claims-policy.js';
import type { ClaimsPolicy } from '../src/domain/claims/claims-policy.js';
import type { ReconcileContext } from '../src/domain/claims/reconcile-context.js';
import type { FbaReturnFact, InspectionFact, MfnReturnFact, OrderFacts, OrderLineFact, ReimbursementFact, SettlementRefundFact } from '../src/domain/claims/reconcile-facts.js';
import { defaultDeadlineRules } from '../src/domain/deadlines/deadline-rules.js';

export const orderId = '111-1234567-1234567';
let nextRow = 1;
const at = (file: string) => ({ rowId: nextRow++, file, line: nextRow + 1 });

export function refund(over: Partial<SettlementRefundFact> = {}): SettlementRefundFact {
  return {
    source: 'settlement_refunds', ...at('settlement-1.txt'), orderId, sku: 'SKU-A', adjustmentId: 'ADJ-1', settlementId: 'S1',
    orderItemCode: 'OIC-1', merchantAdjustmentItemId: 'MAI-1', amountType: 'ItemPrice', amountDescription: 'Principal',
    amountMinor: -2500, currency: 'USD', postedAt: '2026-03-02T10:00:00Z', quantity: 1, ...over,
  };
}

export function fbaReturn(over: Partial<FbaReturnFact> = {}): FbaReturnFact {
  return {
    source: 'fba_returns', ...at('fba-returns.txt'), orderId, sku: 'SKU-A', fnsku: 'X00FNSKU1', asin: 'B00ASIN001', quantity: 1,
    returnedAt: '2026-03-10T10:00:00Z', detailedDisposition: 'SELLABLE', reason: 'UNWANTED_ITEM', status: 'Unit returned to inventory', licensePlate: 'LPN-1', ...over,
  };
}

export function reimbursement(over: Partial<ReimbursementFact> = {}): ReimbursementFact {
  return {
    source: 'reimbursements', ...at('reimbursements.txt'), reimbursementId: 'R-1', orderId, sku: 'SKU-A', fnsku: 'X00FNSKU1', asin: 'B00ASIN001',
    reason: 'CustomerReturn', currency: 'USD', amountPerUnitMinor: 2500, amountTotalMinor: 2500, quantityCash: 1, quantityInventory: 0, quantityTotal: 1,
    approvedAt: '2026-05-05T10:00:00Z', originalReimbursementId: null, originalReimbursementType: null, ...over,
  };
}

export function reversal(of: string, over: Partial<ReimbursementFact> = {}): ReimbursementFact {
  return reimbursement({ reimbursementId: `REV-${of}`, reason: 'Reimbursement_Reversal', amountPerUnitMinor: -2500, amountTotalMinor: -2500,
    quantityCash: -1, quantityTotal: -1, approvedAt: '2026-05-20T10:00:00Z', originalReimbursementId: of, originalReimbursementType: 'CustomerReturn', ...over });
}

export function orderLine(over: Partial<OrderLineFact> = {}): OrderLineFact {
  return { source: 'orders', ...at('all-orders.txt'), orderId, sku: 'SKU-A', asin: 'B00ASIN001', quantity: 1, currency: 'USD', itemPriceMinor: 2500,
    fulfillmentChannel: 'Amazon', purchasedAt: '2026-02-20T10:00:00Z', ...over };
}

export function mfnReturn(over: Partial<MfnReturnFact> = {}): MfnReturnFact {
  return {
    source: 'mfn_returns', ...at('mfn-returns.txt'), caseId: 7, orderId, sku: 'SKU-M', rmaId: 'RMA-1', resolution: 'RefundAtFirstScan', returnType: 'C-Returns',
    requestStatus: 'Approved', returnQuantity: 1, orderAmountMinor: 4000, orderQuantity: 1, refundedAmountMinor: 4000, currency: 'USD',
    returnDeliveredAt: '2026-03-12T18:00:00Z', returnRequestedAt: null, safetClaimId: null, safetClaimState: null, ...over,
  };
}

export function inspection(over: Partial<InspectionFact> = {}): InspectionFact {
  return { source: 'inspections', rowId: nextRow++, file: null, line: null, caseId: 7, grade: 'unsellable_damaged', inspectedAt: '2026-03-13T09:00:00Z',
    evidence: [{ sha256: 'ab'.repeat(32), kind: 'photo', mediaType: 'image/jpeg', fileName: 'front.jpg' }], ...over };
}

/** One US order with no rows; pass the rows of the case. */
export function facts(over: Partial<OrderFacts> = {}): OrderFacts {
  return { marketplaceCode: 'US', currency: 'USD', orderId, caseIds: {}, refunds: [], fbaReturns: [], reimbursements: [], orderLines: [], mfnReturns: [], inspections: [], ...over };
}

export function context(over: { nowIso?: string; policy?: Partial<ClaimsPolicy> } = {}): ReconcileContext {
  return {
    rules: defaultDeadlineRules,
    calendar: { timeZone: 'America/Los_Angeles', weekendDays: [6, 0], holidays: new Set() },
    policy: { ...defaultClaimsPolicy, ...over.policy },
    nowIso: over.nowIso ?? '2026-06-01T12:00:00Z',
  };
}
