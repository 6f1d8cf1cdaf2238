import { describe, expect, it } from 'vitest';
import { marketplaceCodes, marketplaces } from '../../src/domain/marketplaces.js';
import { countdownTo, formatDateTime, formatMoney, marketplaceFormats } from './format.js';

describe('formatting for the marketplace', () => {
  it.each([
    [3999, 'USD', 'US', '$39.99'],
    [1250, 'EUR', 'DE', '12,50 €'],
    [4500, 'JPY', 'JP', '￥4,500'],
    [-199, 'GBP', 'UK', '-£1.99'],
  ])('writes %i minor units of %s as %s writes them', (minor, currency, marketplace, expected) => {
    expect(formatMoney(minor, currency, marketplace).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('shows a time in the marketplace\'s own time zone', () => {
    expect(formatDateTime('2026-03-03T10:00:00.000Z', 'JP')).toContain('19:00');
    expect(formatDateTime('2026-03-03T10:00:00.000Z', 'DE')).toContain('11:00');
  });

  it.each([
    ['2026-03-03T12:00:00.000Z', false, 1, 2, 0],
    ['2026-03-02T10:01:00.000Z', false, 0, 0, 1],
    ['2026-03-02T09:01:00.000Z', true, 0, 0, 59],
    ['2026-02-28T07:30:00.000Z', true, 2, 2, 30],
  ])('counts down to %s from 10:00 on 2 March (overdue: %s)', (due, overdue, days, hours, minutes) => {
    expect(countdownTo(due, Date.parse('2026-03-02T10:00:00.000Z'))).toEqual({ overdue, days, hours, minutes });
  });

  it('knows the locale and time zone of every marketplace the server knows', () => {
    expect(Object.keys(marketplaceFormats).sort()).toEqual([...marketplaceCodes].sort());
    for (const m of marketplaces) expect(marketplaceFormats[m.code]).toEqual({ locale: m.locale, timeZone: m.timeZone });
  });
});
