import type { ClaimWindow } from './claim.js';
import type { ReconcileContext } from './reconcile-context.js';
import { addCalendarDays } from '../deadlines/business-calendar.js';
import type { BusinessCalendar } from '../deadlines/business-calendar.js';
import { msPerDay } from '../deadlines/civil-date.js';
import { formatInstant, parseInstant } from '../deadlines/instant.js';
import { findDeadlineRule } from '../deadlines/deadline-rules.js';
import { offsetAt } from '../deadlines/time-zone.js';
import { requireMarketplace } from '../marketplaces.js';

/**
 * The claim window of `ruleId` counted from the event at `fromIso`, with the rule in force at that
 * instant in the marketplace (so a refund before a rule change keeps the old window). Null when no
 * window rule covers the marketplace then, or when `fromIso` is null (the starting event is unknown):
 * the claim can still be filed, ReturnDesk just knows no deadline. Unknown marketplace: `invalid_input`.
 */
export function claimWindow(ruleId: ClaimWindow['ruleId'], marketplaceCode: string, fromIso: string | null, context: ReconcileContext): ClaimWindow | null {
  if (fromIso === null) return null;
  const from = formatInstant(parseInstant(fromIso));
  const rule = findDeadlineRule(context.rules, ruleId, requireMarketplace(marketplaceCode).code, from);
  if (!rule || rule.kind !== 'window') return null;
  // What computeDue gives for a window rule: both ends `addCalendarDays` from the event.
  return { ruleId, fromIso: from, opensAt: calendarDaysLater(context.calendar, from, rule.opensAfterDays), closesAt: calendarDaysLater(context.calendar, from, rule.closesAfterDays) };
}

/**
 * `addCalendarDays(calendar, fromIso, days)`, the same instant, with fewer time-zone look-ups: each
 * claim starts at its own instant, so the per-15-minute offset cache of the deadlines module misses
 * for nearly every look-up addCalendarDays makes (one Intl call each). When the zone's offset is the
 * same all through the UTC days around the event and around the result (`steadyOffset`), the result
 * is the local wall-clock time moved by whole days, shifted back by that offset, exactly what
 * addCalendarDays computes there; near an offset change addCalendarDays itself is called.
 */
function calendarDaysLater(calendar: BusinessCalendar, fromIso: string, days: number): string {
  if (!Number.isSafeInteger(days)) return addCalendarDays(calendar, fromIso, days);
  const { timeZone } = calendar;
  const fromMs = parseInstant(fromIso);
  const fromOffset = steadyOffset(timeZone, Math.floor(fromMs / msPerDay));
  if (fromOffset === null) return addCalendarDays(calendar, fromIso, days);
  const localMs = fromMs + fromOffset + days * msPerDay;
  // addCalendarDays (fromLocalMs) looks up the offsets a day either side of the local time and at the
  // instants it tries in between: every one of them is in these UTC days.
  const offset = steadyOffset(timeZone, Math.floor((localMs - msPerDay) / msPerDay));
  for (let day = Math.floor((localMs - msPerDay) / msPerDay) + 1; offset !== null && day <= Math.floor((localMs + msPerDay) / msPerDay); day += 1) {
    if (steadyOffset(timeZone, day) !== offset) return addCalendarDays(calendar, fromIso, days);
  }
  return offset === null ? addCalendarDays(calendar, fromIso, days) : formatInstant(localMs - offset);
}

/**
 * The zone's offset through the UTC day `day` (a day number), or null when it changes that day: the
 * deadlines module's offset (per 15-minute slot) at the first and the last slot of the day. Equal ends
 * mean one offset all day: no time zone changes its offset and back again within one day.
 */
function steadyOffset(timeZone: string, day: number): number | null {
  const key = `${timeZone}|${day}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    const start = day * msPerDay;
    const first = offsetAt(timeZone, start);
    offset = offsetAt(timeZone, start + msPerDay - slotMs) === first ? first : null;
    if (steadyOffsets.size >= maxSteadyOffsets) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  return offset;
}

const slotMs = 15 * 60_000;
const steadyOffsets = new Map<string, number | null>();
const maxSteadyOffsets = 20_000;
