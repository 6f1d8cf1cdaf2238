import { decideReturn } from '../domain/decisions/decide.js';
import type { DecisionAction } from '../domain/decisions/decision.js';
import { grossRefundMinor } from '../domain/decisions/options.js';
import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { urgencies } from '../domain/deadlines/case-clocks.js';
import type { Urgency } from '../domain/deadlines/case-clocks.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import type { QueueEntry } from '../storage/work-queue-repository.js';
import { caseDeadlines, caseUrgency } from './case-deadlines.js';
import type { CaseDeadline } from './case-deadlines.js';
import { requireDecidable } from './decide-case.js';
import { decisionInputOf, unitPriceOf } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';

/** One case needing action: what to do, by when, the recommendation and the money at stake. */
export interface QueueItem {
  readonly caseId: number;
  /** The case's version the item was computed from: a change made from the queue sends it as If-Match. */
  readonly version: number;
  readonly orderId: string;
  readonly sku: string;
  readonly marketplace: string;
  readonly status: ReturnStatus;
  readonly reasonCategory: string | null;
  /** `decide`: answer the open request; `refund`: the item is back and the refund clock runs. */
  readonly task: 'decide' | 'refund';
  /** The clock that ends first, or null when none runs in this marketplace. */
  readonly deadline: CaseDeadline | null;
  readonly urgency: Urgency;
  readonly currency: string;
  /** The full refund of the case; null when its price is unknown. */
  readonly atStakeMinor: number | null;
  readonly recommendation: {
    readonly action: DecisionAction;
    readonly step?: number;
    readonly expectedLossMinor: number;
    readonly explanation: { readonly en: string; readonly zh: string };
  } | null;
  /** Why there is no recommendation or amount (an unknown price, a policy gap), for the agent to fix. */
  readonly problem: string | null;
}

/** The statuses of a seller-fulfilled case that is in the queue. */
export const openStatuses: readonly ReturnStatus[] = ['requested', 'received', 'inspected'];

/** True when the case belongs in the queue: an open seller-fulfilled request or a received item to refund. */
export function isQueued(facts: DecisionFacts): boolean {
  return facts.returnCase.channel === 'MFN' && openStatuses.includes(facts.returnCase.status);
}

function baseItem(facts: DecisionFacts, context: DecisionContext, nowIso: string) {
  const { returnCase } = facts;
  const deadline = caseDeadlines(returnCase, context)[0] ?? null;
  return {
    caseId: returnCase.id, version: returnCase.version, orderId: returnCase.orderId, sku: returnCase.sku, marketplace: returnCase.marketplaceCode,
    status: returnCase.status, reasonCategory: returnCase.reason.category,
    task: returnCase.status === 'requested' ? 'decide' as const : 'refund' as const,
    deadline, urgency: caseUrgency(deadline?.dueAt ?? null, nowIso, returnCase, context),
    currency: requireMarketplace(returnCase.marketplaceCode).currency,
  };
}

/** A user-caused problem becomes the item's `problem`; anything else is a bug and is thrown. */
function problemOf(error: unknown): string {
  if (isDomainError(error)) return error.message;
  throw error;
}

/** The queue item of a case, with its recommendation (a request) or the refund at stake (a received item). */
export function queueItem(facts: DecisionFacts, context: DecisionContext, nowIso: string, declined: readonly number[]): QueueItem {
  const base = baseItem(facts, context, nowIso);
  try {
    if (base.task === 'refund') {
      const unit = unitPriceOf(facts, base.currency);
      return { ...base, atStakeMinor: unit * facts.returnCase.quantity, recommendation: null, problem: null };
    }
    // The engine alone, not decideFacts: a queue line shows no buyer message, and drafting and linting
    // one per case was most of a page's time (npm run bench:api).
    requireDecidable(facts.returnCase);
    const input = decisionInputOf(facts, context, nowIso, declined);
    const decision = decideReturn(input, context.policy);
    const atStakeMinor = grossRefundMinor(input);
    const { action, step, expectedLossMinor } = decision.recommended;
    return {
      ...base, atStakeMinor, problem: null,
      recommendation: { action, ...(step === undefined ? {} : { step }), expectedLossMinor, explanation: decision.explanation },
    };
  } catch (error) {
    return { ...base, atStakeMinor: null, recommendation: null, problem: problemOf(error) };
  }
}

/**
 * The index entry of a queued case: its first clock and the money at stake (price × quantity, what
 * the recommendation prices as the refund; null when the price is unknown). What does not depend on
 * the moment (the urgency) or on learned odds (the recommendation) is left to the read.
 */
export function queueEntryOf(facts: DecisionFacts, context: DecisionContext): QueueEntry {
  const { returnCase } = facts;
  const currency = requireMarketplace(returnCase.marketplaceCode).currency;
  const deadline = caseDeadlines(returnCase, context)[0] ?? null;
  let atStakeMinor: number | null = null;
  try {
    atStakeMinor = unitPriceOf(facts, currency) * returnCase.quantity;
  } catch (error) {
    problemOf(error);
  }
  return {
    caseId: returnCase.id, accountId: returnCase.accountId, marketplaceCode: returnCase.marketplaceCode, orderId: returnCase.orderId,
    sku: returnCase.sku, status: returnCase.status, task: returnCase.status === 'requested' ? 'decide' : 'refund',
    reasonCategory: returnCase.reason.category, fault: returnCase.reason.fault, dueAt: deadline?.dueAt ?? null, ruleId: deadline?.ruleId ?? null,
    currency, atStakeMinor,
  };
}

/** Zero cases in every urgency. */
export function emptyCounts(): Record<Urgency, number> {
  return Object.fromEntries(urgencies.map((u) => [u, 0])) as Record<Urgency, number>;
}
