import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('the per-operation rate limiter', () => {
  it('lets a burst through at once, then one request per 1/rate seconds, refilling while idle', () => {
    let now = 0;
    const limiter = new RateLimiter({ op: { ratePerSecond: 2, burst: 3 } }, () => now);
    expect([limiter.wait('op'), limiter.wait('op'), limiter.wait('op')]).toEqual([0, 0, 0]);
    expect(limiter.wait('op')).toBe(500);
    expect(limiter.wait('op')).toBe(1000);
    now = 10_000;
    expect(limiter.wait('op')).toBe(0);
  });

  it('holds an operation back after a 429 for the time asked, and only that one', () => {
    let now = 0;
    const limiter = new RateLimiter({ a: { ratePerSecond: 1, burst: 5 }, b: { ratePerSecond: 1, burst: 5 } }, () => now);
    limiter.pause('a', 2000);
    expect(limiter.wait('a')).toBe(2000);
    expect(limiter.wait('b')).toBe(0);
    now = 2000;
    expect(limiter.wait('a')).toBe(0);
  });
});
