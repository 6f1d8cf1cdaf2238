import { DomainError } from '../domain/errors.js';
import type { InspectionGrade } from '../domain/inspection/inspection-grades.js';
import type { Marketplace } from '../domain/marketplaces.js';
import type { CaseRefundFacts } from '../domain/refunds/case-refund-input.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import type { CaseReceipt, StoredInspection } from '../storage/inspection-repository.js';
import type { RefundFacts } from '../storage/refund-repository.js';
import { unitPriceOf } from './decision-context.js';

// Reading a case's records (reports, product sheet, receipt, inspection) into what its refund depends on.

// "Label to be paid by" in the MFN returns report: the seller pays unless it names the customer. A label
// in another currency than the marketplace's is not deducted (it could not be compared).
function sellerPaidLabel(refund: RefundFacts, mfnCurrency: string | null, currency: string): number | null {
  if (mfnCurrency !== currency || (refund.labelPaidBy !== null && /customer|buyer/i.test(refund.labelPaidBy))) return null;
  return refund.labelCostMinor;
}

function answerOf(answers: unknown, item: string): unknown {
  return typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>)[item] : undefined;
}

// Damage the inspection saw on the unit or its own packaging (signs of use are not damage).
function isUnitDamaged(inspection: StoredInspection | undefined): boolean {
  if (!inspection) return false;
  const damage = answerOf(inspection.answers, 'damage');
  return (typeof damage === 'string' && damage !== 'none') || answerOf(inspection.answers, 'retailPackaging') === 'damaged' || inspection.grade === 'unsellable_damaged';
}

/** Outbound shipping from the All Orders report; one in another currency is refused rather than misread. */
function outboundShipping(refund: RefundFacts, currency: string, caseId: number): number {
  if (!refund.order || refund.order.shippingPriceMinor === null) return 0;
  if (refund.order.currency !== null && refund.order.currency !== currency) {
    throw new DomainError('invalid_input', `Case ${caseId}'s order report gives its shipping in ${refund.order.currency}, the marketplace uses ${currency}: re-import the All Orders report of this marketplace.`, { caseId });
  }
  return refund.order.shippingPriceMinor;
}

export interface Recorded {
  readonly refund: RefundFacts;
  readonly inspection: StoredInspection | undefined;
  readonly receipt: CaseReceipt | undefined;
}

/** What the case's records say for its refund (domain/refunds/case-refund-input.ts turns it into a quote input). */
export function refundFactsOf(facts: DecisionFacts, recorded: Recorded, marketplace: Marketplace): CaseRefundFacts {
  const { returnCase, mfn, product } = facts;
  const { refund, inspection, receipt } = recorded;
  const currency = marketplace.currency;
  return {
    marketplaceCode: marketplace.code, currency,
    quantityOrdered: Math.max(mfn.orderQuantity ?? refund.order?.quantity ?? returnCase.quantity, returnCase.quantity), quantityReturned: returnCase.quantity,
    unitPricePaidMinor: unitPriceOf(facts, currency),
    linePricePaidMinor: mfn.orderAmountMinor !== null && mfn.currency === currency ? mfn.orderAmountMinor : null,
    outboundShippingPaidMinor: outboundShipping(refund, currency, returnCase.id),
    fault: returnCase.reason.fault, grade: (inspection?.grade ?? null) as InspectionGrade | null,
    retailPackaging: retailPackagingOf(inspection?.answers ?? null), inPolicy: mfn.inPolicy, productCategory: product?.category ?? null,
    sellerPaidLabelMinor: sellerPaidLabel(refund, mfn.currency, currency),
    outerBoxDamaged: receipt?.outerBox === 'damaged' || answerOf(inspection?.answers, 'outerBox') === 'damaged',
    unitDamaged: isUnitDamaged(inspection),
  };
}

function retailPackagingOf(answers: unknown): string | null {
  const value = answerOf(answers, 'retailPackaging');
  return typeof value === 'string' ? value : null;
}
