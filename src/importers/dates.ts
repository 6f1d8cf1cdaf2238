import { DomainError } from '../domain/errors.js';
import { CellError } from './row-error.js';

// Zone abbreviations that Amazon's older US and EU reports print after a time (`... 15:31:40 PDT`),
// in minutes east of UTC. CST is US Central (Amazon.com reports), not China Standard Time.
const zoneOffsets: ReadonlyMap<string, number> = new Map([
  ['UTC', 0], ['GMT', 0], ['Z', 0], ['WET', 0], ['BST', 60], ['WEST', 60], ['CET', 60], ['MEZ', 60],
  ['CEST', 120], ['MESZ', 120], ['EET', 120], ['EEST', 180], ['JST', 540],
  ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420], ['MDT', -360],
  ['PST', -480], ['PDT', -420], ['AKST', -540], ['AKDT', -480], ['HST', -600],
]);

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthNames: ReadonlyMap<string, number> = new Map(
  englishMonths.map((name) => name.toLowerCase())
    .flatMap((name, i) => [[name, i + 1], [name.slice(0, 3), i + 1]] as const)
    .concat([['sept', 9]]),
);

interface DateTimeParts {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; millisecond: number;
  /** Minutes east of UTC; null for a local time in the marketplace's zone. */
  offset: number | null;
  hasTime: boolean;
}

// One pattern per date form, all followed by the same optional time and zone. Named groups: y m d for
// numbers, mon for a month name, a/b for the two ambiguous numbers of D/M/Y vs M/D/Y.
const timeAndZone = String.raw`(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?(?:\s*(?<ampm>[AP]M))?)?(?:\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4}))?$`;
const dateForms = [
  String.raw`(?<y>\d{4})(?<sep>[-/])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})`, // 2025-06-05, 2025/06/05 (JP)
  String.raw`(?<d>\d{1,2})[- ](?<mon>[A-Z]{3,9})\.?[- ](?<y>\d{4})`, // 10-Jul-2025, 10 July 2025
  String.raw`(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})`, // 05.06.2025 (German UI downloads)
  String.raw`(?<a>\d{1,2})(?<sep>[-/])(?<b>\d{1,2})\k<sep>(?<y>\d{4})`, // 05/06/2025: by dayFirst
].map((form) => new RegExp(`^${form}${timeAndZone}`, 'i'));

// The common SP-API forms, `2025-06-05T15:31:40+00:00` and `2025-06-05`, skip the general patterns.
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}))?$/;

const dateCacheLimit = 4096;
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : monthLengths[month - 1]!;
}

function invalidDate(text: string, why?: string): CellError {
  return new CellError(`"${text}" is not a valid date${why ? ` (${why})` : ''}; expected a date like 2025-07-10 or 10-Jul-2025`);
}

function parseOffset(zone: string | undefined, text: string): number | null {
  if (zone === undefined) return null;
  const sign = zone[0] === '-' ? -1 : 1;
  if (zone[0] === '+' || zone[0] === '-') {
    const hours = Number(zone.slice(1, 3));
    const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0; // +05:30, +0530 or +05
    if (hours > 14 || minutes > 59) throw invalidDate(text, `no zone is ${zone} from UTC`);
    return sign * (hours * 60 + minutes);
  }
  const offset = zoneOffsets.get(zone.toUpperCase());
  if (offset === undefined) throw invalidDate(text, `unknown time zone "${zone}"`);
  return offset;
}

function milliseconds(fraction: string | undefined): number {
  return fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
}

/** Picks day and month of `a/b/yyyy`: the flag decides, unless only the other reading is a real date. */
function resolveDayMonth(a: number, b: number, dayFirst: boolean): [day: number, month: number] {
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month > 12 && day <= 12) return [month, day];
  return [day, month];
}

function dayAndMonth(g: Record<string, string | undefined>, dayFirst: boolean, text: string): [day: number, month: number] {
  if (g.a !== undefined) return resolveDayMonth(Number(g.a), Number(g.b), dayFirst);
  if (g.mon === undefined) return [Number(g.d), Number(g.m)];
  const month = monthNames.get(g.mon.toLowerCase());
  if (month === undefined) throw invalidDate(text, `unknown month "${g.mon}"`);
  return [Number(g.d), month];
}

function hour24(hour: number, ampm: string | undefined, text: string): number {
  if (!ampm) return hour;
  if (hour < 1 || hour > 12) throw invalidDate(text, `hour ${hour} with ${ampm.toUpperCase()}`);
  return (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
}

function matchParts(text: string, dayFirst: boolean): DateTimeParts {
  for (const form of dateForms) {
    const g = form.exec(text)?.groups;
    if (!g) continue;
    const [day, month] = dayAndMonth(g, dayFirst, text);
    return {
      year: Number(g.y), month, day,
      hour: hour24(Number(g.h ?? 0), g.ampm, text), minute: Number(g.mi ?? 0), second: Number(g.s ?? 0),
      millisecond: milliseconds(g.f), offset: parseOffset(g.zone, text), hasTime: g.h !== undefined,
    };
  }
  throw invalidDate(text);
}

function checkParts(p: DateTimeParts, text: string): void {
  if (p.year < 1900 || p.year > 2999) throw invalidDate(text, `year ${p.year}`);
  if (p.month < 1 || p.month > 12) throw invalidDate(text, `there is no month ${p.month}`);
  const days = daysInMonth(p.year, p.month);
  if (p.day < 1 || p.day > days) throw invalidDate(text, `${englishMonths[p.month - 1]} ${p.year} has ${days} days`);
  if (p.hour > 23 || p.minute > 59 || p.second > 59) throw invalidDate(text, 'no such time of day');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new DomainError('invalid_input', `Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin.`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// formatToParts costs microseconds; zones change offset on quarter-hour boundaries, so cache per quarter.
const quarterHour = 900_000;
const offsetCacheLimit = 8192;
const offsetCache = new Map<string, number>();

/** Offset of `timeZone` at the instant `utc`, in milliseconds east of UTC. */
function zoneOffsetAt(utc: number, timeZone: string): number {
  const key = `${Math.floor(utc / quarterHour)}${timeZone}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = computeZoneOffset(utc, timeZone);
    if (offsetCache.size >= offsetCacheLimit) offsetCache.delete(offsetCache.keys().next().value!);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeZoneOffset(utc: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(utc)) fields[part.type] = Number(part.value);
  const wall = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return wall - Math.floor(utc / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. Like Temporal's "compatible": a time that
 * occurs twice (autumn) is the earlier one; a time skipped in spring moves forward by the gap.
 */
function localToUtc(wall: number, timeZone: string): number {
  const dayMs = 86_400_000;
  const before = zoneOffsetAt(wall - dayMs, timeZone);
  const after = zoneOffsetAt(wall + dayMs, timeZone);
  const earlier = wall - Math.max(before, after);
  for (const candidate of [earlier, wall - Math.min(before, after)]) {
    if (zoneOffsetAt(candidate, timeZone) === wall - candidate) return candidate;
  }
  return wall - before;
}

// toISOString costs about 0.4 µs; a report's timestamps fall on few days, so reuse each day's prefix.
const dayPrefixes = new Map<number, string>();

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `new Date(utc).toISOString()`, faster for timestamps that share days. */
function formatUtc(utc: number): string {
  const dayMs = 86_400_000;
  const day = Math.floor(utc / dayMs);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= dateCacheLimit) dayPrefixes.clear();
    prefix = new Date(day * dayMs).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = utc - day * dayMs;
  const time = `${pad(Math.floor(rest / 3_600_000), 2)}:${pad(Math.floor(rest / 60_000) % 60, 2)}:${pad(Math.floor(rest / 1000) % 60, 2)}`;
  return `${prefix}${time}.${pad(rest % 1000, 3)}Z`;
}

function toIso(p: DateTimeParts, timeZone: string): string {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return formatUtc(p.offset === null ? localToUtc(wall, timeZone) : wall - p.offset * 60_000);
}

function parseIso(match: RegExpExecArray, text: string, timeZone: string): string {
  const [, y, m, d, h, mi, s, f, zone] = match;
  const parts: DateTimeParts = {
    year: Number(y), month: Number(m), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0),
    second: Number(s ?? 0), millisecond: milliseconds(f), hasTime: h !== undefined,
    offset: zone === 'Z' || zone === '+00:00' ? 0 : parseOffset(zone, text),
  };
  checkParts(parts, text);
  // Already UTC to the second, as most FBA returns rows are: the text is the answer.
  if (parts.offset === 0 && parts.hasTime && f === undefined) return `${text.slice(0, 19)}.000Z`;
  return toIso(parts, timeZone);
}

// Date-only cells repeat (a big report spans a few hundred days); their zone conversion is the costly part.
const dateCache = new Map<string, string>();

function remember(key: string, iso: string): string {
  if (dateCache.size >= dateCacheLimit) dateCache.delete(dateCache.keys().next().value!);
  dateCache.set(key, iso);
  return iso;
}

/**
 * Parses a report date cell into a UTC ISO string (`2025-06-05T15:31:40.000Z`).
 * Accepts ISO 8601 with `Z` or an offset (also with a space and `UTC`/`PST`/`CEST`...), `2025-06-05`,
 * `10-Jul-2025` (English month names), `05.06.2025`, `2025/06/05`, and `05/06/2025` read day-first
 * when `dayFirst` (month-first otherwise, unless only the other reading is a real date); each may carry
 * a time `HH:MM[:SS]` with optional AM/PM and zone. A date or time without a zone is wall-clock time in
 * `timeZone` (IANA name; DST-correct), so a date alone is local midnight. Anything else, or an
 * impossible date such as `31-Feb-2025`, is a CellError; an unknown `timeZone` is a DomainError.
 */
export function parseReportDate(text: string, timeZone: string, dayFirst: boolean): string {
  const iso = isoPattern.exec(text);
  if (iso && iso[4] !== undefined) return parseIso(iso, text, timeZone);
  const key = `${dayFirst ? 'd' : 'm'}${timeZone}\u0000${text}`;
  const cached = dateCache.get(key);
  if (cached !== undefined) return cached;
  if (iso) return remember(key, parseIso(iso, text, timeZone));
  const trimmed = text.trim();
  const parts = matchParts(trimmed, dayFirst);
  checkParts(parts, trimmed);
  const result = toIso(parts, timeZone);
  return parts.hasTime ? result : remember(key, result);
}

/**
 * The calendar date a cell shows, as YYYY-MM-DD, with no time-zone conversion: for natural keys, which
 * must not change when the file is imported under another marketplace setting.
 */
export function parseCalendarDate(text: string, dayFirst: boolean): string {
  const trimmed = text.trim();
  const iso = isoPattern.exec(trimmed);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), hour: 0, minute: 0, second: 0, millisecond: 0, offset: null, hasTime: false }
    : matchParts(trimmed, dayFirst);
  checkParts(parts, trimmed);
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}
