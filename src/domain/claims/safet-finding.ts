import { codeOf, instantOf, isOneOf } from './claim-math.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { InspectionFact, MfnReturnFact, OrderFacts } from './reconcile-facts.js';
import { addCalendarDays } from '../deadlines/business-calendar.js';

// What makes an MFN return a SAFE-T case (§4.8): an Amazon-issued, fully refunded return the seller has
// not claimed yet, where the unit came back damaged, used, different or not at all.

/** Why the seller lost the unit's value: `missing` is an empty parcel, `not_returned` no delivery at all. */
export type SafetFinding = 'missing' | 'wrong_item' | 'damaged' | 'used' | 'not_returned';

/**
 * Whether a refund on this MFN return can be appealed through SAFE-T at all: refunded by Amazon
 * (policy `amazonIssuedResolutions`; `StandardRefund`, the seller's own refund, never is), an amount
 * refunded in the order's currency, not an A-to-z claim, and no SAFE-T claim on the order yet: Amazon
 * allows one SAFE-T claim per order (§4.8), so a claim id on ANY MFN row of the order (filed already;
 * the service tracks that claim's status) rules out every return of the order.
 */
export function isSafetEligible(row: MfnReturnFact, facts: OrderFacts, context: ReconcileContext): boolean {
  return row.orderId === facts.orderId
    && row.currency === facts.currency
    && (row.refundedAmountMinor ?? 0) > 0
    && !hasSafetClaim(facts)
    && !codeOf(row.returnType).includes('atoz')
    && isOneOf(row.resolution, context.policy.amazonIssuedResolutions);
}

/** Whether any MFN return row of the order carries a SAFE-T claim id (one SAFE-T claim per order, §4.8). */
export function hasSafetClaim(facts: OrderFacts): boolean {
  return facts.mfnReturns.some((row) => row.orderId === facts.orderId && (row.safetClaimId ?? '').trim() !== '');
}

/** The seller's latest inspection of a case, or undefined. */
export function latestInspection(inspections: readonly InspectionFact[], caseId: number): InspectionFact | undefined {
  return inspections.filter((row) => row.caseId === caseId)
    .reduce<InspectionFact | undefined>((latest, row) => (!latest || instantOf(row.inspectedAt) >= instantOf(latest.inspectedAt) ? row : latest), undefined);
}

/**
 * The SAFE-T finding of an eligible return. From the inspection grade: `missing`, `wrong_item`,
 * `unsellable_damaged` (damaged), `used_*` (used); any other grade (new, defective: not the buyer's
 * doing) finds nothing. Without an inspection: `not_returned` when no return delivery is on record,
 * the resolution expected a unit back (policy `notReturnedResolutions`) and `mfnReturnDueDays` have
 * passed since the refund (`refundAt`, from the settlement; unknown refund time → nothing found).
 */
export function safetFinding(row: MfnReturnFact, inspection: InspectionFact | undefined, refundAt: string | undefined, context: ReconcileContext): SafetFinding | null {
  if (inspection) return gradeFinding(inspection.grade);
  if (row.returnDeliveredAt !== null || refundAt === undefined) return null;
  if (!isOneOf(row.resolution, context.policy.notReturnedResolutions)) return null;
  const dueAt = addCalendarDays(context.calendar, refundAt, context.policy.mfnReturnDueDays);
  return instantOf(context.nowIso) >= instantOf(dueAt) ? 'not_returned' : null;
}

function gradeFinding(grade: string): SafetFinding | null {
  if (grade === 'missing' || grade === 'wrong_item') return grade;
  if (grade === 'unsellable_damaged') return 'damaged';
  return grade.startsWith('used_') ? 'used' : null;
}
