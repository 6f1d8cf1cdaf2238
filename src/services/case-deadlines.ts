import { localDateOf } from '../domain/deadlines/business-calendar.js';
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

const labels: Readonly<Partial<Record<DeadlineRuleId, { en: string; zh: string }>>> = {
  'manual-authorization': { en: 'Answer the request (manual authorization)', zh: '回复退货请求（人工授权）' },
  'rdr-response': { en: 'Answer within the 48-hour RDR clock', zh: '在 48 小时退货不满意率时限内回复' },
  'refund-after-receipt': { en: 'Refund after the item was received', zh: '收到退货后退款' },
};

// Which clocks run in which state, and the case time that starts them.
const clocks: readonly { statuses: readonly string[]; ruleId: DeadlineRuleId; start: (c: ReturnCase) => string | null }[] = [
  { statuses: ['requested'], ruleId: 'manual-authorization', start: (c) => c.requestedAt },
  { statuses: ['requested'], ruleId: 'rdr-response', start: (c) => c.requestedAt },
  { statuses: ['received', 'inspected'], ruleId: 'refund-after-receipt', start: (c) => c.receivedAt },
];

/**
 * The clocks running on a seller-fulfilled case in its current state, earliest first, from the
 * deadline rules in force when each clock started, in the marketplace's business calendar. A
 * marketplace without a rule (manual authorization outside the US) simply has no such clock.
 */
export function caseDeadlines(returnCase: ReturnCase, context: DecisionContext): CaseDeadline[] {
  if (returnCase.channel !== 'MFN') return [];
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  const deadlines: CaseDeadline[] = [];
  for (const clock of clocks) {
    const start = clock.start(returnCase);
    if (!clock.statuses.includes(returnCase.status) || start === null) continue;
    const rule = findDeadlineRule(context.deadlineRules, clock.ruleId, marketplace.code, start);
    if (!rule) continue;
    const due = computeDue(rule, calendarAt(context, marketplace, start), start);
    deadlines.push({ ruleId: clock.ruleId, dueAt: due.dueAt, label: labels[clock.ruleId]! });
  }
  return deadlines.sort((a, b) => parseInstant(a.dueAt) - parseInstant(b.dueAt));
}

export const urgencies = ['overdue', 'within_4_hours', 'today', 'later', 'no_deadline'] as const;
export type Urgency = (typeof urgencies)[number];

const fourHoursMs = 4 * 3_600_000;

/** How urgent a due time is at `nowIso`; "today" is the marketplace's local day. */
export function urgencyOf(dueAt: string | null, nowIso: string, returnCase: ReturnCase, context: DecisionContext): Urgency {
  if (dueAt === null) return 'no_deadline';
  const left = parseInstant(dueAt) - parseInstant(nowIso);
  if (left < 0) return 'overdue';
  if (left <= fourHoursMs) return 'within_4_hours';
  const calendar = calendarAt(context, requireMarketplace(returnCase.marketplaceCode), nowIso);
  return localDateOf(calendar, dueAt) === localDateOf(calendar, nowIso) ? 'today' : 'later';
}
