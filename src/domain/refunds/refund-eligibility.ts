import { DomainError } from '../errors.js';
import type { ReturnStatus } from '../lifecycle.js';
import { formatAmount } from '../money.js';

/** The case fields that say whether a refund is still to be issued. */
export interface RefundableCase {
  readonly id: number;
  readonly status: ReturnStatus;
  /** What the reports (or ReturnDesk) say was refunded already; null when nothing. */
  readonly refundedMinor: number | null;
  readonly currency: string;
}

// Refunded already (by Amazon at the first scan, by a returnless refund, or recorded here), or closed.
const settled: readonly ReturnStatus[] = ['refunded', 'returnless_refunded', 'closed'];

/**
 * A case with a refund left to issue; otherwise `conflict` saying what was refunded. A buyer Amazon
 * refunded who did not return the item as sold is a SAFE-T claim (reference §4.8), not a second refund.
 */
export function requireRefundLeft(returnCase: RefundableCase): void {
  if (!settled.includes(returnCase.status) && returnCase.refundedMinor === null) return;
  const amount = returnCase.refundedMinor === null ? '' : ` (${formatAmount(returnCase.refundedMinor, returnCase.currency, 'en-US')} refunded)`;
  throw new DomainError('conflict', `Case ${returnCase.id} is "${returnCase.status}"${amount}: there is no refund left to issue. If Amazon refunded a buyer who did not return the item as sold, file a SAFE-T claim.`, { caseId: returnCase.id, status: returnCase.status });
}

// A refund is recorded once the parcel is back (received or inspected): Amazon's refund clock runs from receipt (§4.3).
const recordable: readonly ReturnStatus[] = ['received', 'inspected'];

/** `conflict` unless the case's parcel is back and not yet refunded. */
export function requireRecordable(returnCase: RefundableCase): void {
  requireRefundLeft(returnCase);
  if (!recordable.includes(returnCase.status)) {
    throw new DomainError('conflict', `Case ${returnCase.id} is "${returnCase.status}": a refund is recorded once the parcel is received (returndesk receive).`, { caseId: returnCase.id, status: returnCase.status });
  }
}

/** The return label as the MFN returns report gives it. */
export interface ReportedLabel {
  readonly costMinor: number | null;
  /** "Label to be paid by": Seller, Customer, … */
  readonly paidBy: string | null;
  readonly currency: string | null;
}

/**
 * The label cost the seller bore: none when the report says the customer paid it, and none when it is
 * in another currency than the order's (it could not be compared with the refund).
 */
export function sellerPaidLabelMinor(label: ReportedLabel, currency: string): number | null {
  if (label.currency !== currency || (label.paidBy !== null && /customer|buyer/i.test(label.paidBy))) return null;
  return label.costMinor;
}

const answerOf = (answers: unknown, item: string): unknown =>
  (typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>)[item] : undefined);

/** Whether the inspection saw damage on the unit or its own packaging (signs of use are not damage). */
export function isUnitDamaged(answers: unknown, grade: string | null): boolean {
  const damage = answerOf(answers, 'damage');
  return (typeof damage === 'string' && damage !== 'none') || answerOf(answers, 'retailPackaging') === 'damaged' || grade === 'unsellable_damaged';
}

/** Whether the shipping box was damaged, at receipt or as the inspection recorded it. */
export function isOuterBoxDamaged(receiptOuterBox: string | null, answers: unknown): boolean {
  return receiptOuterBox === 'damaged' || answerOf(answers, 'outerBox') === 'damaged';
}

/** The inspected retail packaging (`sealed` means unopened), or null when not recorded. */
export function retailPackagingOf(answers: unknown): string | null {
  const value = answerOf(answers, 'retailPackaging');
  return typeof value === 'string' ? value : null;
}
