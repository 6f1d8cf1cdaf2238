import { daysFromCivil, localDateOfDays, parseLocalDate, weekdayOfDays } from '../deadlines/civil-date.js';

// Purchase weeks (Monday to Sunday, UTC) and how long after its week a return came: spikes and fix
// verdicts compare cohorts of orders with the same follow-up, so a week bought yesterday, whose
// returns have not had time to come, never looks better than a week bought two months ago.

/** Returns asked for this many whole weeks or more after their purchase week's Monday are not kept by week. */
export const maxFollowUpWeeks = 4;

/** Days since 1970-01-01 of the date part (`YYYY-MM-DD`) of an ISO date or timestamp. */
export function dayNumberOf(isoDate: string): number {
  return daysFromCivil(parseLocalDate(isoDate.slice(0, 10)));
}

/** The Monday (`YYYY-MM-DD`) of the week a day number falls in. */
export function weekOfDay(day: number): string {
  return localDateOfDays(mondayOf(day));
}

export function mondayOf(day: number): number {
  return day - ((weekdayOfDays(day) + 6) % 7);
}

/** `YYYY-MM-DD` of a week's Monday plus `weeks` weeks. */
export function addWeeks(week: string, weeks: number): string {
  return localDateOfDays(dayNumberOf(week) + weeks * 7);
}

/**
 * Whole weeks from a purchase week's Monday to the day a return was asked for: 0 in the week itself.
 * Null when the request is missing, dated before the purchase week (a data error), or too late to keep.
 */
export function followUpWeek(week: string, requestedOn: string | null): number | null {
  if (requestedOn === null) return null;
  const lag = Math.floor((dayNumberOf(requestedOn) - dayNumberOf(week)) / 7);
  return lag < 0 || lag > maxFollowUpWeeks ? null : lag;
}

/** The first day (`YYYY-MM-01`) and the day after the last of a month `YYYY-MM`. */
export function monthDays(month: string): { first: string; next: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, next: `${next}-01` };
}
