import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatLocalDate, parseLocalDate, weekdayOfDays } from './civil-date.js';
import { formatInstant, parseInstant } from './instant.js';

describe('civil dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2000-02-29', 11_016, 2],
    ['2026-03-08', 20_520, 0],
    ['2026-10-03', 20_729, 6],
    ['1969-12-31', -1, 3],
  ])('numbers %s as day %i, weekday %i', (text, days, weekday) => {
    expect(daysFromCivil(parseLocalDate(text))).toBe(days);
    expect(formatLocalDate(civilFromDays(days))).toBe(text);
    expect(weekdayOfDays(days)).toBe(weekday);
  });

  it('round-trips every day number through its civil date', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
      expect(daysFromCivil(civilFromDays(days))).toBe(days);
    }));
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', ''])('refuses the date "%s"', (text) => {
    expect(() => parseLocalDate(text)).toThrow(/YYYY-MM-DD/);
  });
});

describe('instants', () => {
  it.each([
    ['2026-03-08T10:00:00Z', '2026-03-08T10:00:00.000Z'],
    ['2026-03-08T10:00Z', '2026-03-08T10:00:00.000Z'],
    ['2026-03-08T02:00:00.5-08:00', '2026-03-08T10:00:00.500Z'],
    ['2026-01-01T00:30:00+05:30', '2025-12-31T19:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (input, output) => {
    expect(formatInstant(parseInstant(input))).toBe(output);
  });

  it('writes the same text as Date.prototype.toISOString', () => {
    fc.assert(fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (ms) => {
      expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
    }));
  });

  it.each(['2026-03-08', '2026-03-08T25:00:00Z', '2026-02-30T10:00:00Z', '2026-03-08T10:00:00', 'yesterday'])('refuses "%s"', (text) => {
    expect(() => parseInstant(text)).toThrow(/ISO-8601/);
  });
});
