import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays, addCalendarHours, isBusinessDay, localDateOf } from './business-calendar.js';
import type { BusinessCalendar } from './business-calendar.js';
import { localDateOfDays } from './civil-date.js';

const satSun = [6, 0] as const;
const pacific: BusinessCalendar = { timeZone: 'America/Los_Angeles', weekendDays: satSun, holidays: new Set(['2026-11-26']) };
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', weekendDays: satSun, holidays: new Set() };
const kolkata: BusinessCalendar = { timeZone: 'Asia/Kolkata', weekendDays: [0], holidays: new Set() };

describe('isBusinessDay', () => {
  it.each([
    [pacific, '2026-11-25', true],
    [pacific, '2026-11-26', false],
    [pacific, '2026-11-28', false],
    [pacific, '2026-11-29', false],
    [kolkata, '2026-11-28', true],
    [kolkata, '2026-11-29', false],
  ])('says whether a local date is a business day (%#)', (calendar, date, expected) => {
    expect(isBusinessDay(calendar, date)).toBe(expected);
  });
});

describe('localDateOf', () => {
  it.each([
    [pacific, '2026-11-25T07:59:59.999Z', '2026-11-24'],
    [pacific, '2026-11-25T08:00:00Z', '2026-11-25'],
    [berlin, '2026-03-28T23:00:00Z', '2026-03-29'],
    [kolkata, '2026-01-01T18:29:59Z', '2026-01-01'],
    [kolkata, '2026-01-01T18:30:00Z', '2026-01-02'],
  ])('reads the local date in the calendar time zone (%#)', (calendar, iso, expected) => {
    expect(localDateOf(calendar, iso)).toBe(expected);
  });
});

describe('addCalendarHours', () => {
  it.each([
    ['2026-03-07T18:00:00Z', 48, '2026-03-09T18:00:00.000Z'],
    ['2026-11-25T18:00:00Z', 24, '2026-11-26T18:00:00.000Z'],
    ['2026-10-24T12:00:00+02:00', 48, '2026-10-26T10:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 0.5, '2026-01-01T00:30:00.000Z'],
  ])('counts %s plus %d hours in plain UTC, ignoring weekends and DST', (from, hours, expected) => {
    expect(addCalendarHours(from, hours)).toBe(expected);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['keeps 10:00 local across the US spring-forward (71 hours)', pacific, '2026-03-07T18:00:00Z', 3, '2026-03-10T17:00:00.000Z'],
    ['keeps 10:00 local across the EU fall-back (73 hours)', berlin, '2026-10-24T08:00:00Z', 3, '2026-10-27T09:00:00.000Z'],
    ['moves a time skipped by spring-forward forward by the gap', pacific, '2026-03-07T10:30:00Z', 1, '2026-03-08T10:30:00.000Z'],
    ['picks the earlier of two repeated fall-back times', pacific, '2026-10-31T08:30:00Z', 1, '2026-11-01T08:30:00.000Z'],
  ])('%s', (_name, calendar, from, days, expected) => {
    expect(addCalendarDays(calendar, from, days)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Wednesday before Thanksgiving skips the holiday and the weekend', pacific, '2026-11-25T18:00:00Z', 2, '2026-12-01T07:59:59.999Z'],
    ['an event on Thanksgiving: the Friday after is business day 1', pacific, '2026-11-26T18:00:00Z', 2, '2026-12-01T07:59:59.999Z'],
    ['the local day decides, not the UTC day (Tuesday evening in California)', pacific, '2026-11-25T06:00:00Z', 2, '2026-11-28T07:59:59.999Z'],
    ['an event late on Friday local counts to Tuesday', pacific, '2026-11-21T07:30:00Z', 2, '2026-11-25T07:59:59.999Z'],
    ['zero days ends the event day', pacific, '2026-11-24T18:00:00Z', 0, '2026-11-25T07:59:59.999Z'],
    ['zero days ends the event\'s own day, even a Saturday', pacific, '2026-11-28T18:00:00Z', 0, '2026-11-29T07:59:59.999Z'],
    ['ends in PDT after the US spring-forward (2026-03-08)', pacific, '2026-03-06T18:00:00Z', 2, '2026-03-11T06:59:59.999Z'],
    ['ends in PST before the US spring-forward', pacific, '2026-03-04T18:00:00Z', 2, '2026-03-07T07:59:59.999Z'],
    ['ends in PDT on the Monday after the spring-forward', pacific, '2026-03-05T18:00:00Z', 2, '2026-03-10T06:59:59.999Z'],
    ['ends in CEST after the EU spring-forward (2026-03-29)', berlin, '2026-03-27T09:00:00Z', 2, '2026-03-31T21:59:59.999Z'],
    ['ends in CET after the EU fall-back (2026-10-25)', berlin, '2026-10-23T08:00:00Z', 2, '2026-10-27T22:59:59.999Z'],
    ['uses the calendar weekend (Sunday only)', kolkata, '2026-11-27T06:00:00Z', 2, '2026-11-30T18:29:59.999Z'],
  ])('%s', (_name, calendar, from, days, expected) => {
    expect(addBusinessDays(calendar, from, days)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d business days', (days) => {
    expect(() => addBusinessDays(pacific, '2026-11-25T18:00:00Z', days)).toThrow(/days/);
  });

  it('refuses a calendar without business days', () => {
    const never: BusinessCalendar = { timeZone: 'UTC', weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: new Set() };
    expect(() => addBusinessDays(never, '2026-11-25T18:00:00Z', 1)).toThrow(/no business day/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => addBusinessDays({ ...pacific, timeZone: 'Mars/Olympus' }, '2026-11-25T18:00:00Z', 1)).toThrow(/time zone/);
  });

  const zones = ['America/Los_Angeles', 'America/Sao_Paulo', 'Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
  const calendars = fc.record({
    timeZone: fc.constantFrom(...zones),
    weekendDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    holidays: fc.uniqueArray(fc.integer({ min: 20_000, max: 21_500 }), { maxLength: 200 })
      .map((days) => new Set(days.map(localDateOfDays))),
  });
  const instants = fc.integer({ min: 1_735_689_600_000, max: 1_830_297_600_000 }).map((ms) => new Date(ms).toISOString());

  it('is never before the event, ends a business day and counts exactly N business days after the event day', () => {
    fc.assert(fc.property(calendars, instants, fc.integer({ min: 1, max: 10 }), (calendar, from, days) => {
      const due = addBusinessDays(calendar, from, days);
      const dueDate = localDateOf(calendar, due);
      expect(Date.parse(due)).toBeGreaterThanOrEqual(Date.parse(from));
      expect(isBusinessDay(calendar, dueDate)).toBe(true);
      expect(localDateOf(calendar, addCalendarHours(due, 1 / 3_600_000))).not.toBe(dueDate);
      expect(localDateOf(calendar, due)).toBe(localDateOf(calendar, addCalendarHours(due, -1 / 3_600_000)));
      expect(countBusinessDaysAfter(calendar, localDateOf(calendar, from), dueDate)).toBe(days);
    }));
  });
});

/** Business days in (after, until], walking one local date at a time. */
function countBusinessDaysAfter(calendar: BusinessCalendar, after: string, until: string): number {
  let count = 0;
  for (let day = nextDate(after); day <= until; day = nextDate(day)) if (isBusinessDay(calendar, day)) count += 1;
  return count;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
