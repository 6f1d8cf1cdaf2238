import { civilFromDays, daysFromCivil, isValidCivilDate, msPerDay } from './civil-date.js';
import { DomainError } from '../errors.js';

/**
 * Instants as epoch milliseconds, parsed from and written to ISO-8601 text without the `Date`
 * global. Output is always UTC with milliseconds (`2026-03-08T10:00:00.000Z`), the form storage uses.
 */
const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` into epoch milliseconds (fractions beyond
 * milliseconds are truncated). A date without a time or offset is refused: a deadline needs an instant.
 */
export function parseInstant(iso: string): number {
  const m = instantPattern.exec(iso.trim());
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  const hour = Number(m?.[4]);
  const minute = Number(m?.[5]);
  const second = Number(m?.[6] ?? 0);
  if (!m || !date || !isValidCivilDate(date) || hour > 23 || minute > 59 || second > 59) {
    throw new DomainError('invalid_input', `"${iso}" is not an ISO-8601 instant: write it like 2026-03-08T10:00:00Z.`, { instant: iso });
  }
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  return daysFromCivil(date) * msPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs(m[8] ?? 'Z');
}

function offsetMs(designator: string): number {
  if (designator.toUpperCase() === 'Z') return 0;
  const digits = designator.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return (designator.startsWith('-') ? -minutes : minutes) * 60_000;
}

/** Writes epoch milliseconds as a UTC ISO-8601 string with milliseconds. */
export function formatInstant(epochMs: number): string {
  if (!Number.isFinite(epochMs)) {
    throw new DomainError('invalid_input', 'An instant must be a finite number of milliseconds.', { epochMs });
  }
  const ms = Math.round(epochMs);
  const days = Math.floor(ms / msPerDay);
  const { year, month, day } = civilFromDays(days);
  const msOfDay = ms - days * msPerDay;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const time = `${pad(Math.floor(msOfDay / 3_600_000))}:${pad(Math.floor(msOfDay / 60_000) % 60)}:${pad(Math.floor(msOfDay / 1000) % 60)}.${pad(msOfDay % 1000, 3)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}Z`;
}
