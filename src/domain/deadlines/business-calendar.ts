import { daysFromCivil, localDateOfDays, msPerDay, parseLocalDate, weekdayOfDays } from './civil-date.js';
import { formatInstant, parseInstant } from './instant.js';
import { fromLocalMs, toLocalMs } from './time-zone.js';
import { DomainError } from '../errors.js';

/**
 * A marketplace's working calendar: its IANA time zone, weekend days (0 = Sunday, as in
 * `Marketplace.weekendDays`) and public holidays as local `YYYY-MM-DD` dates. The holiday set must
 * cover every year a deadline can reach; the services build it (`calendarFor`).
 */
export interface BusinessCalendar {
  timeZone: string;
  weekendDays: readonly number[];
  holidays: ReadonlySet<string>;
}

/** No business deadline looks further ahead than this; a calendar without business days is an error. */
const maxScanDays = 3_660;
const lastMsOfDay = msPerDay - 1;

/** True when the local date is neither a weekend day nor a holiday of the calendar. */
export function isBusinessDay(calendar: BusinessCalendar, localDate: string): boolean {
  return isBusinessDayNumber(calendar, daysFromCivil(parseLocalDate(localDate)));
}

function isBusinessDayNumber(calendar: BusinessCalendar, days: number): boolean {
  return !calendar.weekendDays.includes(weekdayOfDays(days)) && !calendar.holidays.has(localDateOfDays(days));
}

/** The local calendar date (`YYYY-MM-DD`) of a UTC instant in the calendar's time zone. */
export function localDateOf(calendar: BusinessCalendar, iso: string): string {
  return localDateOfDays(localDayNumber(calendar, parseInstant(iso)));
}

function localDayNumber(calendar: BusinessCalendar, epochMs: number): number {
  return Math.floor(toLocalMs(calendar.timeZone, epochMs) / msPerDay);
}

/**
 * Plain UTC arithmetic for clocks Amazon states in hours ("within 24 hours", the 48-hour RDR clock):
 * weekends, holidays and DST do not stop them. `hours` may be fractional or negative.
 */
export function addCalendarHours(fromIso: string, hours: number): string {
  requireFinite(hours, 'hours');
  return formatInstant(parseInstant(fromIso) + hours * 3_600_000);
}

/**
 * Moves an instant by whole local calendar days in the calendar's time zone, keeping the local
 * wall-clock time (so across a DST change the result is 23 or 25 hours per day away, not 24).
 * A wall-clock time skipped by spring-forward moves forward by the gap.
 */
export function addCalendarDays(calendar: BusinessCalendar, fromIso: string, days: number): string {
  requireWholeNumber(days, 'days');
  const localMs = toLocalMs(calendar.timeZone, parseInstant(fromIso));
  return formatInstant(fromLocalMs(calendar.timeZone, localMs + days * msPerDay));
}

/**
 * The deadline of "within N business days after" an event at `fromIso` (Amazon: refund within
 * 2 business days after the returned item is received, reference §4.3).
 *
 * Convention, the stricter reading so a seller never misses Amazon's deadline: take the local date of
 * `fromIso` in the calendar's time zone; the deadline is the end of the Nth business day after that
 * date (local 23:59:59.999, returned as UTC, DST-correct). An event on a weekend or holiday does not
 * move first: received Saturday, the next Monday is business day 1. `days = 0` gives the end of the
 * event's own day. Example (US, no holidays): received Friday 10:00 or Saturday → 2 business days →
 * Tuesday 23:59:59.999 Pacific.
 * @throws DomainError `invalid_input` when `days` is not a whole number ≥ 0 or the calendar has no
 *   business day within ten years.
 */
export function addBusinessDays(calendar: BusinessCalendar, fromIso: string, days: number): string {
  requireWholeNumber(days, 'days');
  if (days < 0) {
    throw new DomainError('invalid_input', `Business days must be 0 or more, not ${days}.`, { days });
  }
  let day = localDayNumber(calendar, parseInstant(fromIso));
  for (let counted = 0; counted < days; counted += 1) day = nextBusinessDay(calendar, day + 1);
  return formatInstant(fromLocalMs(calendar.timeZone, day * msPerDay + lastMsOfDay));
}

/** The first business day on or after `days` (a day number). */
function nextBusinessDay(calendar: BusinessCalendar, days: number): number {
  for (let candidate = days; candidate < days + maxScanDays; candidate += 1) {
    if (isBusinessDayNumber(calendar, candidate)) return candidate;
  }
  throw new DomainError('invalid_input', `The calendar for ${calendar.timeZone} has no business day within ten years of ${localDateOfDays(days)}: check its weekend days and holidays.`, { timeZone: calendar.timeZone });
}

function requireFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new DomainError('invalid_input', `${name} must be a finite number, not ${value}.`, { [name]: value });
  }
}

function requireWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('invalid_input', `${name} must be a whole number, not ${value}.`, { [name]: value });
  }
}
