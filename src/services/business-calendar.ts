import Holidays from 'date-holidays';
import type { BusinessCalendar } from '../domain/deadlines/business-calendar.js';
import { msPerDay } from '../domain/deadlines/civil-date.js';
import type { Marketplace } from '../domain/marketplaces.js';

/**
 * Business calendars for marketplaces, with public holidays from the maintained `date-holidays`
 * library (national holidays of `marketplace.country`, type `public` only: bank holidays, observances
 * and regional holidays do not stop Amazon's clocks as far as the reference shows). This is the only
 * place the library is used; the domain receives the finished calendar.
 */
const holidaysByCountryYear = new Map<string, readonly string[]>();

/** The calendar of a marketplace covering the given years (holidays outside them are not loaded). */
export function calendarFor(marketplace: Marketplace, years: readonly number[]): BusinessCalendar {
  const holidays = new Set<string>();
  for (const year of new Set(years)) {
    for (const date of publicHolidays(marketplace.country, year)) holidays.add(date);
  }
  return { timeZone: marketplace.timeZone, weekendDays: marketplace.weekendDays, holidays };
}

/** The years a deadline starting at `fromIso` can reach within `spanDays`, for {@link calendarFor}. */
export function yearsAround(fromIso: string, spanDays = 400): number[] {
  const start = new Date(fromIso);
  const first = start.getUTCFullYear() - 1;
  const last = new Date(start.getTime() + spanDays * msPerDay).getUTCFullYear() + 1;
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

function publicHolidays(country: string, year: number): readonly string[] {
  const key = `${country}|${year}`;
  let dates = holidaysByCountryYear.get(key);
  if (!dates) {
    const source = new Holidays(country, { types: ['public'] });
    dates = source.getHolidays(year).filter((holiday) => holiday.type === 'public').flatMap(localDatesOf);
    holidaysByCountryYear.set(key, dates);
  }
  return dates;
}

// `date` is the local start ("2026-12-25 00:00:00"); a holiday lasting several days covers each of them.
function localDatesOf(holiday: { date: string; start: Date; end: Date }): string[] {
  const first = holiday.date.slice(0, 10);
  const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / msPerDay));
  const firstMs = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length }, (_, index) => new Date(firstMs + index * msPerDay).toISOString().slice(0, 10));
}
