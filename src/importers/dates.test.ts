import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { parseReportDate } from './dates.js';
import { CellError } from './row-error.js';

const la = 'America/Los_Angeles';
const berlin = 'Europe/Berlin';
const tokyo = 'Asia/Tokyo';

describe('parseReportDate', () => {
  it.each([
    ['2025-06-05T15:31:40+00:00', '2025-06-05T15:31:40.000Z'],
    ['2025-06-05T15:31:40-07:00', '2025-06-05T22:31:40.000Z'],
    ['2025-06-05T15:31:40Z', '2025-06-05T15:31:40.000Z'],
    ['2025-06-05T15:31:40.123456Z', '2025-06-05T15:31:40.123Z'],
    ['2025-06-05T15:31:40.5+02:00', '2025-06-05T13:31:40.500Z'],
    ['2025-06-05T01:00:00+05:30', '2025-06-04T19:30:00.000Z'],
    ['2025-06-05T15:31:40+0200', '2025-06-05T13:31:40.000Z'],
    ['2025-06-05 15:31:40 UTC', '2025-06-05T15:31:40.000Z'],
    ['2025-01-05 15:31:40 PST', '2025-01-05T23:31:40.000Z'],
    ['2025-06-05 15:31:40 PDT', '2025-06-05T22:31:40.000Z'],
    ['2025-06-05 15:31:40 cest', '2025-06-05T13:31:40.000Z'],
  ])('reads the timestamp %s as %s whatever the marketplace zone', (text, expected) => {
    expect(parseReportDate(text, tokyo, false)).toBe(expected);
  });

  it.each([
    ['2025-06-05', la, false, '2025-06-05T07:00:00.000Z'],
    ['2025-01-05', la, false, '2025-01-05T08:00:00.000Z'],
    ['2025-06-05', berlin, true, '2025-06-04T22:00:00.000Z'],
    ['2025-6-5', berlin, true, '2025-06-04T22:00:00.000Z'],
    ['10-Jul-2025', la, false, '2025-07-10T07:00:00.000Z'],
    ['10-JUL-2025', tokyo, true, '2025-07-09T15:00:00.000Z'],
    ['1-july-2025', la, false, '2025-07-01T07:00:00.000Z'],
    ['10 Sept 2025', 'Europe/London', true, '2025-09-09T23:00:00.000Z'],
    ['05.06.2025', berlin, true, '2025-06-04T22:00:00.000Z'],
    ['05.06.2025', berlin, false, '2025-06-04T22:00:00.000Z'],
    ['05.06.2025 15:31:40 UTC', berlin, true, '2025-06-05T15:31:40.000Z'],
    ['11/21/2023', la, false, '2023-11-21T08:00:00.000Z'],
    ['05/06/2025', 'Europe/London', true, '2025-06-04T23:00:00.000Z'],
    ['05/06/2025', la, false, '2025-05-06T07:00:00.000Z'],
    ['21/11/2023', la, false, '2023-11-21T08:00:00.000Z'],
    ['11/21/2023', 'Europe/London', true, '2023-11-21T00:00:00.000Z'],
    ['21-11-2023', 'Europe/Rome', true, '2023-11-20T23:00:00.000Z'],
    ['2025/06/05', tokyo, false, '2025-06-04T15:00:00.000Z'],
    ['2025/06/05 9:05', tokyo, false, '2025-06-05T00:05:00.000Z'],
    ['2025/06/05 09:05:30 JST', la, false, '2025-06-05T00:05:30.000Z'],
    ['11/21/2023 3:45:12 PM PST', berlin, false, '2023-11-21T23:45:12.000Z'],
    ['11/21/2023 12:05 AM', la, false, '2023-11-21T08:05:00.000Z'],
    ['2025-06-05 15:31:40', la, false, '2025-06-05T22:31:40.000Z'],
    [' 2025-06-05 ', la, false, '2025-06-05T07:00:00.000Z'],
  ])('reads %s in %s (dayFirst %s) as %s', (text, timeZone, dayFirst, expected) => {
    expect(parseReportDate(text, timeZone, dayFirst)).toBe(expected);
  });

  it.each([
    ['the US spring-forward day starts in PST', '2025-03-09', la, '2025-03-09T08:00:00.000Z'],
    ['the day after US spring-forward starts in PDT', '2025-03-10', la, '2025-03-10T07:00:00.000Z'],
    ['the US fall-back day starts in PDT', '2025-11-02', la, '2025-11-02T07:00:00.000Z'],
    ['the day after US fall-back starts in PST', '2025-11-03', la, '2025-11-03T08:00:00.000Z'],
    ['a time skipped by US spring-forward moves forward', '2025-03-09 02:30:00', la, '2025-03-09T10:30:00.000Z'],
    ['a time repeated by US fall-back is the first one', '2025-11-02 01:30:00', la, '2025-11-02T08:30:00.000Z'],
    ['the EU spring-forward day starts in CET', '30.03.2025', berlin, '2025-03-29T23:00:00.000Z'],
    ['the EU fall-back day starts in CEST', '26.10.2025', berlin, '2025-10-25T22:00:00.000Z'],
    ['a time skipped by EU spring-forward moves forward', '30.03.2025 02:30', berlin, '2025-03-30T01:30:00.000Z'],
    ['a time repeated by EU fall-back is the first one', '26.10.2025 02:30', berlin, '2025-10-26T00:30:00.000Z'],
    ['Japan has no DST', '2025/03/30', tokyo, '2025-03-29T15:00:00.000Z'],
  ])('handles DST: %s', (_name, text, timeZone, expected) => {
    expect(parseReportDate(text, timeZone, true)).toBe(expected);
  });

  it.each([
    ['31-Feb-2025', 'February 2025 has 28 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['2025-13-01', 'there is no month 13'],
    ['2025-04-31T10:00:00Z', 'April 2025 has 30 days'],
    ['32.01.2025', 'January 2025 has 31 days'],
    ['10-Foo-2025', 'unknown month "Foo"'],
    ['2025-06-05 24:00', 'no such time of day'],
    ['2025-06-05 13:00 PM', 'hour 13 with PM'],
    ['2025-06-05 10:00 XYZ', 'unknown time zone "XYZ"'],
    ['13/13/2025', 'there is no month 13'],
    ['0025-06-05', 'year 25'],
    ['2025-06-05T10:00:00+25:00', 'no zone is +25:00 from UTC'],
  ])('refuses the impossible date %s', (text, why) => {
    expect(() => parseReportDate(text, la, false)).toThrow(CellError);
    expect(() => parseReportDate(text, la, false)).toThrow(`"${text}" is not a valid date (${why}); expected a date like 2025-07-10 or 10-Jul-2025`);
  });

  it.each(['', 'yesterday', '2025-06', '20250605', '5 July', '2025-06-05T15:31:40+00:00 extra'])('refuses %j', (text) => {
    expect(() => parseReportDate(text, la, false)).toThrow(`"${text.trim()}" is not a valid date; expected a date like 2025-07-10 or 10-Jul-2025`);
  });

  it('treats an unknown marketplace time zone as a programming error, not a bad cell', () => {
    expect(() => parseReportDate('2025-06-05', 'Mars/Olympus', false)).toThrow(DomainError);
  });

  it('answers a cached date-only cell the same for another zone or day order', () => {
    expect(parseReportDate('05/06/2025', la, false)).toBe('2025-05-06T07:00:00.000Z');
    expect(parseReportDate('05/06/2025', la, true)).toBe('2025-06-05T07:00:00.000Z');
    expect(parseReportDate('05/06/2025', tokyo, true)).toBe('2025-06-04T15:00:00.000Z');
  });

  it('agrees with Date for any ISO timestamp with an offset', () => {
    const instant = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    const offset = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15);
    fc.assert(fc.property(instant, offset, fc.boolean(), (date, minutes, withMillis) => {
      const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, withMillis ? 23 : 19);
      const sign = minutes < 0 ? '-' : '+';
      const zone = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
      const text = `${local}${zone}`;
      expect(parseReportDate(text, la, false)).toBe(new Date(text).toISOString());
    }));
  });
});
