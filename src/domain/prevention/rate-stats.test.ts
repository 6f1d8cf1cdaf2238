import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateDifference, twoProportionZ, wilsonInterval } from './rate-stats.js';

const z95 = 1.959964;

// Reference values: Newcombe, "Two-sided confidence intervals for the single proportion" and
// "Interval estimation for the difference between independent proportions" (Statistics in Medicine, 1998).
describe('wilsonInterval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i: %f to %f', (count, total, low, high) => {
    const estimate = wilsonInterval(count, total, z95);
    expect(estimate.rate).toBeCloseTo(count / total, 10);
    expect(estimate.low).toBeCloseTo(low, 4);
    expect(estimate.high).toBeCloseTo(high, 4);
  });

  it('says nothing without a trial, and is exact at the edges', () => {
    expect(wilsonInterval(0, 0, z95)).toEqual({ count: 0, total: 0, rate: 0, low: 0, high: 1 });
    expect(wilsonInterval(0, 10, z95).low).toBe(0);
    expect(wilsonInterval(10, 10, z95).high).toBe(1);
  });

  it('narrows as the sample grows, at the same rate', () => {
    const small = wilsonInterval(3, 30, z95);
    const large = wilsonInterval(300, 3000, z95);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('always holds the rate, inside [0, 1]', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
      const [count, total] = a <= b ? [a, b] : [b, a];
      const { rate, low, high } = wilsonInterval(count, total, z95);
      return low >= 0 && high <= 1 && low <= rate + 1e-12 && rate <= high + 1e-12;
    }));
  });

  it('refuses counts that are not a share', () => {
    expect(() => wilsonInterval(5, 4, z95)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4, z95)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4, z95)).toThrow(RangeError);
  });
});

describe('twoProportionZ', () => {
  it('measures a rise in standard errors of the pooled rate', () => {
    // 30 of 200 against 40 of 800: pooled 0.07, se = sqrt(0.07 * 0.93 * (1/200 + 1/800)) = 0.020171.
    expect(twoProportionZ({ count: 30, total: 200 }, { count: 40, total: 800 })).toBeCloseTo(0.1 / 0.0201714, 3);
    expect(twoProportionZ({ count: 10, total: 200 }, { count: 40, total: 800 })).toBe(0);
    expect(twoProportionZ({ count: 2, total: 200 }, { count: 40, total: 800 })).toBeLessThan(0);
  });

  it('is 0 when a side is empty or nothing was returned at all', () => {
    expect(twoProportionZ({ count: 0, total: 0 }, { count: 4, total: 100 })).toBe(0);
    expect(twoProportionZ({ count: 0, total: 50 }, { count: 0, total: 100 })).toBe(0);
  });
});

describe('rateDifference', () => {
  it('matches Newcombe\'s method 10 on his worked examples', () => {
    const first = rateDifference({ count: 48, total: 80 }, { count: 56, total: 70 }, z95);
    expect(first.difference).toBeCloseTo(0.2, 10);
    expect(first.low).toBeCloseTo(0.0524, 4);
    expect(first.high).toBeCloseTo(0.3339, 4);
    const second = rateDifference({ count: 3, total: 10 }, { count: 9, total: 10 }, z95);
    expect(second.low).toBeCloseTo(0.1705, 4);
    expect(second.high).toBeCloseTo(0.8090, 4);
  });

  it('lies entirely below 0 when a fix clearly lowered the rate, and straddles 0 when it did not', () => {
    const fixed = rateDifference({ count: 80, total: 1000 }, { count: 20, total: 1000 }, z95);
    expect(fixed.high).toBeLessThan(0);
    const unclear = rateDifference({ count: 8, total: 100 }, { count: 7, total: 100 }, z95);
    expect(unclear.low).toBeLessThan(0);
    expect(unclear.high).toBeGreaterThan(0);
  });
});
