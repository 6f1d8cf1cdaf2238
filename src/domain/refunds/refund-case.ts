import { isSellerSideFault } from '../decisions/guardrails.js';
import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { RefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import type { RefundRuleId } from './refund-rules.js';

/** Which row of reference §4.5 a returned line falls under, and the most it lets the seller deduct. */
export interface RefundCase {
  /** Set when the whole line is refunded with no fee or deduction (seller-side fault, defective unit). */
  readonly fullRefund: 'full-refund-seller-fault' | 'full-refund-defective' | null;
  /** False when the buyer sent back something else or nothing (wrong_item, missing). */
  readonly itemReturned: boolean;
  /** The fee rule of the case; its cap is 0 when §4.5 allows no fee. */
  readonly feeRuleId: RefundRuleId;
  readonly feeCapBps: number;
}

// Grades that show use on a book (§4.5 "obvious signs of use"); Like New shows none by definition.
const signsOfUse: ReadonlySet<InspectionGrade> = new Set(['used_very_good', 'used_good', 'used_acceptable']);

interface FeeCandidate {
  readonly ruleId: RefundRuleId;
  readonly capBps: number;
}

// Every §4.5 row the unit matches. Rows do not add up: a late, used book gets the largest single cap.
// An absent special cap is the "not original condition" one (see RefundCaps).
function feeCandidates(input: RefundQuoteInput, grade: InspectionGrade, caps: RefundCaps): FeeCandidate[] {
  const used = caps.usedOrDamagedNotSellerFaultBps;
  const found: FeeCandidate[] = [];
  if (input.itemKind === 'software' && input.opened) found.push({ ruleId: 'restocking-fee-opened-software', capBps: caps.openedSoftwareBps ?? used });
  if (input.itemKind === 'media' && input.opened) found.push({ ruleId: 'restocking-fee-opened-media', capBps: caps.openedMediaBps ?? used });
  if (input.itemKind === 'book' && signsOfUse.has(grade)) found.push({ ruleId: 'restocking-fee-book-signs-of-use', capBps: caps.bookSignsOfUseBps ?? used });
  if (!input.originalCondition) found.push({ ruleId: 'restocking-fee-not-original-condition', capBps: used });
  if (input.originalCondition && input.late) found.push({ ruleId: 'restocking-fee-late-original-condition', capBps: caps.lateOriginalConditionBps });
  return found;
}

function largest(candidates: readonly FeeCandidate[]): FeeCandidate {
  let best: FeeCandidate = { ruleId: 'no-fee-in-window-original-condition', capBps: 0 };
  for (const candidate of candidates) if (candidate.capBps > best.capBps || best.ruleId === 'no-fee-in-window-original-condition') best = candidate;
  return best;
}

/** The full-refund rule that covers the input, or null when deductions may apply. */
export function fullRefundRule(input: Pick<RefundQuoteInput, 'fault' | 'grade'>): RefundCase['fullRefund'] {
  if (isSellerSideFault(input.fault)) return 'full-refund-seller-fault';
  return input.grade === 'unsellable_defective' ? 'full-refund-defective' : null;
}

/**
 * The case of a validated input under the caps in force. A seller-side fault (seller, carrier, Amazon:
 * §1.3) or a unit inspection finds defective is a full refund (§4.5: defective, damaged on arrival, not
 * as described). Without inspection no fee is justified; a wrong item or an empty parcel leaves no item
 * refund to charge one on.
 */
export function refundCaseOf(input: RefundQuoteInput, caps: RefundCaps): RefundCase {
  const { grade } = input;
  const itemReturned = grade !== 'wrong_item' && grade !== 'missing';
  const fullRefund = fullRefundRule(input);
  if (fullRefund) return { fullRefund, itemReturned, feeRuleId: fullRefund, feeCapBps: caps.sellerFaultBps };
  if (grade === null) return { fullRefund, itemReturned, feeRuleId: 'no-fee-without-inspection', feeCapBps: 0 };
  if (!itemReturned) return { fullRefund, itemReturned, feeRuleId: 'no-fee-item-not-returned', feeCapBps: 0 };
  const fee = largest(feeCandidates(input, grade, caps));
  return { fullRefund, itemReturned, feeRuleId: fee.ruleId, feeCapBps: fee.capBps };
}
