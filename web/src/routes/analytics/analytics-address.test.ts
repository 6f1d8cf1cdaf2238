import { describe, expect, it } from 'vitest';
import { analyticsAddress, isMonth, readAnalyticsAddress } from './analytics-address.js';

describe('the analytics address', () => {
  it('reads the months of the range, dropping what is not a month', () => {
    expect(readAnalyticsAddress(new URLSearchParams('from=2026-01&to=2026-06'))).toEqual({ from: '2026-01', to: '2026-06' });
    expect(readAnalyticsAddress(new URLSearchParams('from=2026-13&to=june'))).toEqual({ from: undefined, to: undefined });
    expect(readAnalyticsAddress(new URLSearchParams(''))).toEqual({ from: undefined, to: undefined });
  });

  it('writes only the months given, and round-trips', () => {
    expect(analyticsAddress({})).toBe('/analytics');
    expect(analyticsAddress({ to: '2026-11' })).toBe('/analytics?to=2026-11');
    const address = analyticsAddress({ from: '2026-01', to: '2026-06' });
    expect(readAnalyticsAddress(new URL(address, 'http://x').searchParams)).toEqual({ from: '2026-01', to: '2026-06' });
  });

  it('knows a month', () => {
    expect(['2026-01', '2026-12'].map(isMonth)).toEqual([true, true]);
    expect(['2026-00', '2026-1', '26-01', ''].map(isMonth)).toEqual([false, false, false, false]);
  });
});
