import { describe, expect, it } from 'vitest';
import { utcTime } from './utc-time.js';

describe('a desk time', () => {
  it('is written in UTC to the minute, and left as it is when unreadable', () => {
    expect(utcTime('2026-11-27T12:00:59.000Z')).toBe('2026-11-27 12:00 UTC');
    expect(utcTime('2026-11-27T13:30:00+01:00')).toBe('2026-11-27 12:30 UTC');
    expect(utcTime('soon')).toBe('soon');
  });
});
