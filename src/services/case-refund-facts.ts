import { DomainError } from '../domain/errors.js';
import type { InspectionGrade } from '../domain/inspection/inspection-grades.js';
import type { Marketplace } from '../domain/marketplaces.js';
import type { CaseRefundFacts } from '../domain/refunds/case-refund-input.js';
import { isOuterBoxDamaged, isUnitDamaged, retailPackagingOf, sellerPaidLabelMinor } from '../domain/refunds/refund-eligibility.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import type { CaseReceipt, StoredInspection } from '../storage/inspection-repository.js';
import type { RefundFacts } from '../storage/refund-repository.js';
import { unitPriceOf } from './decision-context.js';

// Reading a case's records (reports, product sheet, receipt, inspection) into what its refund depends on.

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
    sellerPaidLabelMinor: sellerPaidLabelMinor({ costMinor: refund.labelCostMinor, paidBy: refund.labelPaidBy, currency: mfn.currency }, currency),
    outerBoxDamaged: isOuterBoxDamaged(receipt?.outerBox ?? null, inspection?.answers),
    unitDamaged: inspection !== undefined && isUnitDamaged(inspection.answers, inspection.grade),
  };
}
