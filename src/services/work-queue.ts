import type { DecisionAction } from '../domain/decisions/decision.js';
import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { listDecisionFactsByStatus } from '../storage/decision-facts-repository.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import { listDeclinedSteps } from '../storage/outcome-repository.js';
import { urgencies } from '../domain/deadlines/case-clocks.js';
import type { Urgency } from '../domain/deadlines/case-clocks.js';
import { caseDeadlines, caseUrgency } from './case-deadlines.js';
import type { CaseDeadline } from './case-deadlines.js';
import { decideFacts } from './decide-case.js';
import { loadDecisionContext, unitPriceOf } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';

/** One case needing action: what to do, by when, the recommendation and the money at stake. */
export interface QueueItem {
  readonly caseId: number;
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

export interface WorkQueue {
  readonly nowIso: string;
  readonly items: readonly QueueItem[];
  readonly counts: Readonly<Record<Urgency, number>>;
}

const openStatuses: readonly ReturnStatus[] = ['requested', 'received', 'inspected'];

function baseItem(facts: DecisionFacts, context: DecisionContext, nowIso: string) {
  const { returnCase } = facts;
  const deadline = caseDeadlines(returnCase, context)[0] ?? null;
  return {
    caseId: returnCase.id, orderId: returnCase.orderId, sku: returnCase.sku, marketplace: returnCase.marketplaceCode,
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

function queueItem(facts: DecisionFacts, context: DecisionContext, nowIso: string, declined: readonly number[]): QueueItem {
  const base = baseItem(facts, context, nowIso);
  try {
    if (base.task === 'refund') {
      const unit = unitPriceOf(facts, base.currency);
      return { ...base, atStakeMinor: unit * facts.returnCase.quantity, recommendation: null, problem: null };
    }
    const { decision, atStakeMinor } = decideFacts(facts, context, nowIso, declined);
    const { action, step, expectedLossMinor } = decision.recommended;
    return {
      ...base, atStakeMinor, problem: null,
      recommendation: { action, ...(step === undefined ? {} : { step }), expectedLossMinor, explanation: decision.explanation },
    };
  } catch (error) {
    return { ...base, atStakeMinor: null, recommendation: null, problem: problemOf(error) };
  }
}

const urgencyRank = Object.fromEntries(urgencies.map((u, i) => [u, i])) as Record<Urgency, number>;

/** Most urgent first: by urgency, then the earlier due time, then the larger amount at stake, then the case id. */
function compareItems(a: QueueItem, b: QueueItem): number {
  return urgencyRank[a.urgency] - urgencyRank[b.urgency]
    || (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? '')
    || (b.atStakeMinor ?? 0) - (a.atStakeMinor ?? 0)
    || a.caseId - b.caseId;
}

/**
 * The account's open seller-fulfilled cases needing action (requests to answer, received items to
 * refund), most urgent first: overdue, due within 4 hours, due today (marketplace time), later, then
 * those without a clock. A case whose price is unknown stays in the queue with its `problem`.
 */
export async function listQueue(database: Database, accountId: number, nowIso: string): Promise<WorkQueue> {
  const context = await loadDecisionContext(database, accountId);
  const [cases, declined] = await Promise.all([
    listDecisionFactsByStatus(database.db, accountId, openStatuses),
    listDeclinedSteps(database.db, accountId),
  ]);
  const items = cases.map((facts) => queueItem(facts, context, nowIso, declined.get(facts.returnCase.id) ?? [])).sort(compareItems);
  const counts = Object.fromEntries(urgencies.map((u) => [u, 0])) as Record<Urgency, number>;
  for (const item of items) counts[item.urgency] += 1;
  return { nowIso, items, counts };
}
