import { describe, expect, it } from 'vitest';
import { calendarFor, yearsAround } from './business-calendar.js';
import { addBusinessDays, isBusinessDay } from '../domain/deadlines/business-calendar.js';
import { computeDue, defaultDeadlineRules, requireDeadlineRule } from '../domain/deadlines/deadline-rules.js';
import { marketplaces, requireMarketplace } from '../domain/marketplaces.js';
import type { MarketplaceCode } from '../domain/marketplaces.js';

const calendar = (code: MarketplaceCode) => calendarFor(requireMarketplace(code), [2026, 2027]);

describe('calendarFor', () => {
  it.each<[MarketplaceCode, string, boolean]>([
    ['US', '2026-11-26', false], // Thanksgiving
    ['US', '2026-07-03', false], // Independence Day observed (July 4 is a Saturday)
    ['US', '2026-11-27', true], // the day after Thanksgiving is not a public holiday
    ['DE', '2026-10-03', false], // Tag der Deutschen Einheit (a Saturday anyway)
    ['DE', '2026-12-24', true], // Heiligabend is not a public holiday
    ['DE', '2026-12-25', false],
    ['DE', '2026-04-03', false], // Karfreitag
    ['JP', '2026-05-06', false], // Golden Week substitute holiday
    ['JP', '2026-05-01', true],
    ['JP', '2026-01-02', true], // bank holiday only: not a public holiday
    ['JP', '2027-01-01', false],
    ['UK', '2026-12-28', false], // Boxing Day substitute
  ])('in %s, %s is a business day: %s', (code, date, expected) => {
    expect(isBusinessDay(calendar(code), date)).toBe(expected);
  });

  it('takes the time zone and weekend from the marketplace', () => {
    const jp = calendar('JP');
    expect(jp.timeZone).toBe('Asia/Tokyo');
    expect(jp.weekendDays).toEqual([6, 0]);
  });

  it('knows public holidays for every marketplace country', () => {
    for (const marketplace of marketplaces) {
      expect(calendarFor(marketplace, [2026]).holidays.size, marketplace.code).toBeGreaterThan(0);
    }
  });

  it('returns the same holidays from its cache', () => {
    expect([...calendar('DE').holidays]).toEqual([...calendar('DE').holidays]);
  });

  it('lists the years a deadline can reach', () => {
    expect(yearsAround('2026-12-30T10:00:00Z', 10)).toEqual([2025, 2026, 2027, 2028]);
  });
});

describe('refund deadlines in real calendars (2 business days after receipt)', () => {
  it.each<[string, MarketplaceCode, string, string]>([
    ['US: received the day before Thanksgiving', 'US', '2026-11-25T18:00:00Z', '2026-12-01T07:59:59.999Z'],
    ['US: received on Thanksgiving', 'US', '2026-11-26T18:00:00Z', '2026-12-01T07:59:59.999Z'],
    ['US: received before the July 4 weekend (observed Friday)', 'US', '2026-07-02T17:00:00Z', '2026-07-08T06:59:59.999Z'],
    ['US: received before the spring-forward weekend', 'US', '2026-03-06T18:00:00Z', '2026-03-11T06:59:59.999Z'],
    ['DE: received the Friday before Tag der Deutschen Einheit', 'DE', '2026-10-02T08:00:00Z', '2026-10-06T21:59:59.999Z'],
    ['DE: received on Tag der Deutschen Einheit (Saturday)', 'DE', '2026-10-03T08:00:00Z', '2026-10-06T21:59:59.999Z'],
    ['DE: received before Christmas', 'DE', '2026-12-23T09:00:00Z', '2026-12-28T22:59:59.999Z'],
    ['DE: received on Christmas Eve', 'DE', '2026-12-24T09:00:00Z', '2026-12-29T22:59:59.999Z'],
    ['DE: received before Easter', 'DE', '2026-04-02T08:00:00Z', '2026-04-08T21:59:59.999Z'],
    ['DE: received before the EU spring-forward', 'DE', '2026-03-27T09:00:00Z', '2026-03-31T21:59:59.999Z'],
    ['JP: received before Golden Week', 'JP', '2026-04-28T01:00:00Z', '2026-05-01T14:59:59.999Z'],
    ['JP: received in Golden Week', 'JP', '2026-04-30T01:00:00Z', '2026-05-07T14:59:59.999Z'],
    ['JP: received before New Year 2027', 'JP', '2026-12-30T01:00:00Z', '2027-01-04T14:59:59.999Z'],
  ])('%s', (_name, code, receivedAt, expected) => {
    expect(addBusinessDays(calendar(code), receivedAt, 2)).toBe(expected);
    const rule = requireDeadlineRule(defaultDeadlineRules, 'refund-after-receipt', code, receivedAt);
    expect(computeDue(rule, calendar(code), receivedAt).dueAt).toBe(expected);
  });
});
