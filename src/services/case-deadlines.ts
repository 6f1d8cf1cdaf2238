import { clockLabels, runningClocks, urgencyOf } from '../domain/deadlines/case-clocks.js';
import type { Urgency } from '../domain/deadlines/case-clocks.js';
import { computeDue, findDeadlineRule } from '../domain/deadlines/deadline-rules.js';
import type { DeadlineRuleId } from '../domain/deadlines/deadline-rules.js';
import { parseInstant } from '../domain/deadlines/instant.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { ReturnCase } from '../domain/return-case.js';
import { calendarAt } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';

/** One clock running on a case. */
export interface CaseDeadline {
  readonly ruleId: DeadlineRuleId;
  readonly dueAt: string;
  readonly label: { readonly en: string; readonly zh: string };
}

/**
 * The clocks running on a seller-fulfilled case in its current state, earliest first, from the
 * deadline rules in force when each clock started, in the marketplace's business calendar. A
 * marketplace without a rule (manual authorization outside the US) simply has no such clock.
 */
export function caseDeadlines(returnCase: ReturnCase, context: DecisionContext): CaseDeadline[] {
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  const deadlines: CaseDeadline[] = [];
  for (const { ruleId, startIso } of runningClocks(returnCase)) {
    const rule = findDeadlineRule(context.deadlineRules, ruleId, marketplace.code, startIso);
    if (!rule) continue;
    const due = computeDue(rule, calendarAt(context, marketplace, startIso), startIso);
    deadlines.push({ ruleId, dueAt: due.dueAt, label: clockLabels[ruleId]! });
  }
  return deadlines.sort((a, b) => parseInstant(a.dueAt) - parseInstant(b.dueAt));
}

/** How urgent a case's next due time is at `nowIso`, in its marketplace's calendar. */
export function caseUrgency(dueAt: string | null, nowIso: string, returnCase: ReturnCase, context: DecisionContext): Urgency {
  return urgencyOf(dueAt, nowIso, calendarAt(context, requireMarketplace(returnCase.marketplaceCode), nowIso));
}
