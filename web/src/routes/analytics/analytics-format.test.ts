import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatMonth, formatShare } from './analytics-format.js';

describe('analytics labels in the page language', () => {
  it('writes report months and days as calendar labels, whatever the time zone', () => {
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(formatDay('2026-09-14', 'en')).toBe('Sep 14, 2026');
    expect(formatDay('2026-09-01', 'zh-CN')).toBe('2026年9月1日');
  });

  it('writes the API\'s fractions as percentages and counts with separators', () => {
    expect(formatShare(0.20567375886524822, 'en')).toBe('20.6%');
    expect(formatShare(0, 'en')).toBe('0.0%');
    expect(formatCount(1071, 'en')).toBe('1,071');
    expect(formatCount(16.77405063291139, 'en')).toBe('16.8');
  });
});
