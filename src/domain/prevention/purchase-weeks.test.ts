import { describe, expect, it } from 'vitest';
import { addWeeks, dayNumberOf, followUpWeek, monthDays, weekOfDay } from './purchase-weeks.js';

describe('purchase weeks', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], ['2026-11-27T23:59:59Z', '2026-11-23'], ['2026-11-29', '2026-11-23'], ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], ['2024-02-29', '2024-02-26'],
  ])('%s falls in the week of Monday %s', (day, monday) => {
    expect(weekOfDay(dayNumberOf(day))).toBe(monday);
  });

  it('counts whole weeks from the Monday to the request, none before it or past the kept follow-up', () => {
    expect(followUpWeek('2026-11-23', '2026-11-29T20:00:00Z')).toBe(0);
    expect(followUpWeek('2026-11-23', '2026-11-30')).toBe(1);
    expect(followUpWeek('2026-11-23', '2026-12-27')).toBe(4);
    expect(followUpWeek('2026-11-23', '2026-12-28')).toBeNull();
    expect(followUpWeek('2026-11-23', '2026-11-22')).toBeNull();
    expect(followUpWeek('2026-11-23', null)).toBeNull();
  });

  it('steps weeks and bounds months across year ends', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-12-28', -2)).toBe('2026-12-14');
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', next: '2027-01-01' });
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', next: '2026-03-01' });
  });
});
