import { localDateOf } from './business-calendar.js';
import type { BusinessCalendar } from './business-calendar.js';
import type { DeadlineRuleId } from './deadline-rules.js';
import { parseInstant } from './instant.js';
import type { ReturnCase } from '../return-case.js';

/** What a clock asks the agent to do, in both UI languages. */
export const clockLabels: Readonly<Partial<Record<DeadlineRuleId, { readonly en: string; readonly zh: string }>>> = {
  'manual-authorization': { en: 'Answer the request (manual authorization)', zh: '回复退货请求（人工授权）' },
  'rdr-response': { en: 'Answer within the 48-hour RDR clock', zh: '在 48 小时退货不满意率时限内回复' },
  'refund-after-receipt': { en: 'Refund after the item was received', zh: '收到退货后退款' },
};

// Which clocks run in which state of a seller-fulfilled case, and the case time that starts them.
const clocks: readonly { statuses: readonly string[]; ruleId: DeadlineRuleId; start: (c: CaseTimes) => string | null }[] = [
  { statuses: ['requested'], ruleId: 'manual-authorization', start: (c) => c.requestedAt },
  { statuses: ['requested'], ruleId: 'rdr-response', start: (c) => c.requestedAt },
  { statuses: ['received', 'inspected'], ruleId: 'refund-after-receipt', start: (c) => c.receivedAt },
];

type CaseTimes = Pick<ReturnCase, 'channel' | 'status' | 'requestedAt' | 'receivedAt'>;

/** The deadline rules whose clocks run on a case in its state, with the instant each started. FBA: none (Amazon answers). */
export function runningClocks(returnCase: CaseTimes): { ruleId: DeadlineRuleId; startIso: string }[] {
  if (returnCase.channel !== 'MFN') return [];
  return clocks.flatMap((clock) => {
    const startIso = clock.start(returnCase);
    return clock.statuses.includes(returnCase.status) && startIso !== null ? [{ ruleId: clock.ruleId, startIso }] : [];
  });
}

/** Work-queue buckets, most urgent first. */
export const urgencies = ['overdue', 'within_4_hours', 'today', 'later', 'no_deadline'] as const;
export type Urgency = (typeof urgencies)[number];

/** How soon a due time counts as `within_4_hours` (the work queue's index ranges use it too). */
export const fourHoursMs = 4 * 3_600_000;

/** How urgent a due time is at `nowIso`; "today" is the local day of the marketplace's calendar. */
export function urgencyOf(dueAt: string | null, nowIso: string, calendar: BusinessCalendar): Urgency {
  if (dueAt === null) return 'no_deadline';
  const left = parseInstant(dueAt) - parseInstant(nowIso);
  if (left < 0) return 'overdue';
  if (left <= fourHoursMs) return 'within_4_hours';
  return localDateOf(calendar, dueAt) === localDateOf(calendar, nowIso) ? 'today' : 'later';
}
