import { daysFromCivil, msPerDay } from './civil-date.js';
import { DomainError } from '../errors.js';

/**
 * IANA time-zone conversion through `Intl.DateTimeFormat` (the domain may not use `Date`).
 * Offsets are cached per zone and 15-minute UTC slot: every modern transition falls on a
 * quarter hour in UTC, so one lookup per slot is exact. On top, a UTC day whose first and last
 * slots share an offset is cached as one steady offset: no zone changes its offset and back again
 * within a day, and instants spread over many days (a claim window per refund) would otherwise miss
 * the slot cache nearly every time (npm run bench:reconcile: the windows were a fifth of the claims
 * domain's time).
 */
const slotMs = 15 * 60_000;
const maxCachedOffsets = 50_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const steadyDays = new Map<string, number | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      throw new DomainError('invalid_input', `Unknown time zone "${timeZone}": use an IANA name like Europe/Berlin.`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffset(timeZone: string, epochMs: number): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const days = daysFromCivil({ year, month: Number(fields.month), day: Number(fields.day) });
  const localMs = days * msPerDay + ((Number(fields.hour) * 60 + Number(fields.minute)) * 60 + Number(fields.second)) * 1000;
  return localMs - epochMs;
}

function slotOffset(timeZone: string, slot: number): number {
  const key = `${timeZone}|${slot}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= maxCachedOffsets) offsets.clear();
    offset = computeOffset(timeZone, slot * slotMs);
    offsets.set(key, offset);
  }
  return offset;
}

/** The zone's offset all through the UTC day `day` (a day number), or null when it changes that day. */
function steadyOffset(timeZone: string, day: number): number | null {
  const key = `${timeZone}|${day}`;
  let offset = steadyDays.get(key);
  if (offset === undefined) {
    const firstSlot = (day * msPerDay) / slotMs;
    const first = slotOffset(timeZone, firstSlot);
    offset = slotOffset(timeZone, firstSlot + msPerDay / slotMs - 1) === first ? first : null;
    if (steadyDays.size >= maxCachedOffsets) steadyDays.clear();
    steadyDays.set(key, offset);
  }
  return offset;
}

/** The zone's offset from UTC in milliseconds at an instant (positive east of Greenwich). */
export function offsetAt(timeZone: string, epochMs: number): number {
  return steadyOffset(timeZone, Math.floor(epochMs / msPerDay)) ?? slotOffset(timeZone, Math.floor(epochMs / slotMs));
}

/** Local wall-clock time of an instant, as milliseconds on a UTC-like axis (day number × 86 400 000 + time of day). */
export function toLocalMs(timeZone: string, epochMs: number): number {
  return epochMs + offsetAt(timeZone, epochMs);
}

/**
 * The instant of a local wall-clock time (on the axis of {@link toLocalMs}). DST-correct: in a
 * fall-back overlap it picks the earlier instant; a time skipped by spring-forward moves forward by
 * the gap (02:30 on the US spring-forward day becomes 03:30), like Temporal's "compatible".
 */
export function fromLocalMs(timeZone: string, localMs: number): number {
  const before = localMs - offsetAt(timeZone, localMs - msPerDay);
  const after = localMs - offsetAt(timeZone, localMs + msPerDay);
  const isExact = (candidate: number): boolean => toLocalMs(timeZone, candidate) === localMs;
  if (isExact(before) && isExact(after)) return Math.min(before, after);
  if (isExact(before)) return before;
  if (isExact(after)) return after;
  return before;
}
