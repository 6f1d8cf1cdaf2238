import { toCandidate } from './candidate.js';
import type { CandidateDraft } from './candidate.js';
import { instantOf } from './claim-math.js';
import type { ClaimCandidate } from './claim.js';
import { fbaDamaged } from './fba-damaged.js';
import { fbaLinesOf, orderedUnits, reimbursedUnits } from './fba-line.js';
import type { FbaLine } from './fba-line.js';
import { fbaNotReturned, unitsOf } from './fba-not-returned.js';
import { fbaShort } from './fba-short.js';
import { fbaWrongUnit, wrongUnitRows } from './fba-wrong-unit.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { OrderFacts } from './reconcile-facts.js';
import { refundAdjustments } from './refunds.js';
import { safetCandidates } from './safet.js';
import { requireMarketplace } from '../marketplaces.js';

export type { ReconcileContext } from './reconcile-context.js';

/**
 * What Amazon owes on one order (issue 5; reference §2.4–2.6, §4.8, §4.9): every claim candidate the
 * facts prove, sorted by key, keys unique. Pure: the same facts, rules, calendar, policy and `nowIso`
 * give the same candidates. Money in another currency than `facts.currency` is never compared or
 * summed with it. Nothing is produced from data that cannot prove it (no refund, no value, no FBA).
 * @throws DomainError `invalid_input` for an unknown marketplace or an instant that is not ISO-8601.
 */
export function reconcileOrder(facts: OrderFacts, context: ReconcileContext): ClaimCandidate[] {
  return claimCandidates(facts, context).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The candidates of {@link reconcileOrder} as the finders produce them, unsorted and not de-duplicated:
 * each finder's discriminator is unique on its order line (adjustment, license plate or blank-plate
 * row, reimbursement id, RMA or case), so keys never repeat (the property tests check this list).
 */
export function claimCandidates(facts: OrderFacts, context: ReconcileContext): ClaimCandidate[] {
  requireMarketplace(facts.marketplaceCode);
  instantOf(context.nowIso);
  // The order's refund adjustments are worked out once, for the FBA lines and for SAFE-T.
  const adjustments = refundAdjustments(facts);
  const candidates: ClaimCandidate[] = [];
  for (const line of fbaLinesOf(facts, context.policy, adjustments)) {
    for (const draft of fbaDrafts(line, context)) pushCandidate(candidates, facts, draft);
  }
  for (const draft of safetCandidates(facts, context, adjustments)) pushCandidate(candidates, facts, draft);
  return candidates;
}

function pushCandidate(candidates: ClaimCandidate[], facts: OrderFacts, draft: CandidateDraft): void {
  const candidate = toCandidate(facts, draft);
  if (candidate) candidates.push(candidate);
}

/**
 * The FBA claims of one order line. Reimbursed units (net of reversals) settle, in this order, units
 * refunded and not returned (Amazon's automatic reimbursement, §4.9, the common case), then wrong units,
 * then damaged units; a wrong unit is not also claimed as damaged. Wrong and damaged units together are
 * claimed at most up to the ordered quantity less the units claimed as not returned and the units
 * reimbursed; short reimbursements are weighed on their own, for at most the units left of the ordered
 * quantity. So no line is ever claimed for more units than were ordered.
 */
function fbaDrafts(line: FbaLine, context: ReconcileContext): CandidateDraft[] {
  // Nothing refunded, returned or reimbursed: no finder has anything to weigh (the common FBA line).
  if (line.refunds.length === 0 && line.returns.length === 0 && line.reimbursements.length === 0) return [];
  const reimbursed = reimbursedUnits(line);
  const ordered = orderedUnits(line);
  const notReturned = fbaNotReturned(line, context, reimbursed);
  const wrongRows = wrongUnitRows(line);
  const wrong = fbaWrongUnit(line, context, notReturned.poolLeft, wrongRows, ordered - unitsOf(notReturned.drafts) - reimbursed);
  const damaged = fbaDamaged(line, context, wrong.poolLeft, new Set(wrongRows), wrong.budgetLeft);
  const claimed = unitsOf([...notReturned.drafts, ...wrong.drafts, ...damaged.drafts]);
  return [...notReturned.drafts, ...wrong.drafts, ...damaged.drafts, ...fbaShort(line, context, ordered - claimed)];
}
