import { localDateOfDays } from '../deadlines/civil-date.js';
import type { PreventionPolicy } from './prevention-policy.js';
import { addWeeks, dayNumberOf, mondayOf } from './purchase-weeks.js';

// Spans of purchase weeks that spikes and fix verdicts compare. A week counts only once its follow-up
// is over (its returns asked for within `followUpWeeks` whole weeks after its Monday are all in), so
// every week compared has had the same time to bring its returns.

/** Purchase weeks from the Monday `from` up to, not including, the Monday `to`. */
export interface WeekSpan {
  readonly from: string;
  readonly to: string;
}

/**
 * The day weeks are judged on: `asOf`, or the day after the latest return the imported reports hold
 * when that is earlier. A week whose follow-up ends after the imported returns does not look clean
 * because its returns are not in yet: it stays open until they are.
 */
export function judgedOn(asOf: string, returnsThrough: string | null): string {
  if (returnsThrough === null) return asOf;
  const covered = localDateOfDays(dayNumberOf(returnsThrough) + 1);
  return covered < asOf ? covered : asOf;
}

/**
 * The Monday of the first week whose follow-up is not over on `asOf` (YYYY-MM-DD, UTC): the week of
 * Monday m keeps returns asked for before m + 7·(followUpWeeks + 1), so it is over once that day comes.
 */
export function firstOpenWeek(asOf: string, policy: PreventionPolicy): string {
  return localDateOfDays(mondayOf(dayNumberOf(asOf) - 7 * (policy.followUpWeeks + 1)) + 7);
}

/** A spike compares the latest `spikeRecentWeeks` closed weeks with the `spikeBaselineWeeks` before them. */
export function spikeSpans(asOf: string, policy: PreventionPolicy): { recent: WeekSpan; baseline: WeekSpan } {
  const end = firstOpenWeek(asOf, policy);
  const recentFrom = addWeeks(end, -policy.spikeRecentWeeks);
  return { recent: { from: recentFrom, to: end }, baseline: { from: addWeeks(recentFrom, -policy.spikeBaselineWeeks), to: recentFrom } };
}

/**
 * A fix made on `changedOn` compares the `fixWindowWeeks` weeks before its week with as many weeks after
 * it, as far as they are closed on `asOf`. The fix's own week is left out: it sold both listings.
 */
export function fixSpans(changedOn: string, asOf: string, policy: PreventionPolicy): { before: WeekSpan; after: WeekSpan } {
  const week = localDateOfDays(mondayOf(dayNumberOf(changedOn)));
  const afterFrom = addWeeks(week, 1);
  const afterTo = minWeek(addWeeks(afterFrom, policy.fixWindowWeeks), firstOpenWeek(asOf, policy));
  return { before: { from: addWeeks(week, -policy.fixWindowWeeks), to: week }, after: { from: afterFrom, to: afterTo < afterFrom ? afterFrom : afterTo } };
}

const minWeek = (a: string, b: string) => (a < b ? a : b);

/** Whole weeks in a span. */
export function weeksIn(span: WeekSpan): number {
  return Math.round((dayNumberOf(span.to) - dayNumberOf(span.from)) / 7);
}
