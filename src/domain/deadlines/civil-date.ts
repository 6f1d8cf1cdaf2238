import { DomainError } from '../errors.js';

/**
 * Proleptic Gregorian calendar arithmetic on plain numbers, so the domain never needs the `Date`
 * global. Day numbers count days since 1970-01-01 (day 0). The algorithms are Howard Hinnant's
 * `days_from_civil` / `civil_from_days` (http://howardhinnant.github.io/date_algorithms.html).
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export const msPerDay = 86_400_000;

/** Days since 1970-01-01 of a civil date; no validation (see {@link parseLocalDate}). */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 })
    - daysFromCivil({ year, month, day: 1 });
}

export function isValidCivilDate({ year, month, day }: CivilDate): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a local calendar date written `YYYY-MM-DD`; anything else is `invalid_input`. */
export function parseLocalDate(text: string): CivilDate {
  const match = localDatePattern.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || !isValidCivilDate(date)) {
    throw new DomainError('invalid_input', `"${text}" is not a calendar date: write it as YYYY-MM-DD.`, { date: text });
  }
  return date;
}

/** Formats a civil date as `YYYY-MM-DD` (four-digit years only, which covers every business date). */
export function formatLocalDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of a day number. */
export function localDateOfDays(days: number): string {
  return formatLocalDate(civilFromDays(days));
}
