// The statistics behind return rates (issue 6): how sure a rate is, whether a rate rose, and by how
// much two rates differ. Closed forms only, so the domain needs no package and no special functions;
// the confidence level comes in as its normal quantile `z` (1.96 for 95%), from policy data.

/** A share of `count` out of `total`, with its Wilson score interval. */
export interface RateEstimate {
  readonly count: number;
  readonly total: number;
  /** count / total; 0 when total is 0. */
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval of `count` successes in `total` trials (Newcombe 1998, method 3): unlike
 * the plain p ± z·√(p(1−p)/n) it stays inside [0, 1] and keeps its coverage on small samples and on
 * rates near 0, which return rates are. No trial at all says nothing: [0, 1].
 */
export function wilsonInterval(count: number, total: number, z: number): RateEstimate {
  assertCounts(count, total);
  if (total === 0) return { count, total, rate: 0, low: 0, high: 1 };
  const p = count / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
  const scale = 1 + z2 / total;
  return {
    count, total, rate: p,
    // At 0 or `total` successes the bound is exactly 0 or 1; the formula only rounds near it.
    low: count === 0 ? 0 : (centre - spread) / scale,
    high: count === total ? 1 : (centre + spread) / scale,
  };
}

/**
 * The pooled two-proportion z statistic of `recent` against `baseline`: how many standard errors the
 * recent rate lies above the baseline rate if both came from one rate. Positive when it rose; 0 when
 * either side has no trial or neither has a success.
 */
export function twoProportionZ(recent: { count: number; total: number }, baseline: { count: number; total: number }): number {
  assertCounts(recent.count, recent.total);
  assertCounts(baseline.count, baseline.total);
  if (recent.total === 0 || baseline.total === 0) return 0;
  const pooled = (recent.count + baseline.count) / (recent.total + baseline.total);
  const variance = pooled * (1 - pooled) * (1 / recent.total + 1 / baseline.total);
  if (variance === 0) return 0;
  return (recent.count / recent.total - baseline.count / baseline.total) / Math.sqrt(variance);
}

/** A difference of two rates, `after` − `before`, with its interval. */
export interface RateDifference {
  readonly difference: number;
  readonly low: number;
  readonly high: number;
}

/**
 * after − before with Newcombe's hybrid score interval (1998, method 10), built from each side's
 * Wilson interval: the interval to judge a listing fix by (entirely below 0: the rate fell).
 */
export function rateDifference(before: { count: number; total: number }, after: { count: number; total: number }, z: number): RateDifference {
  const a = wilsonInterval(after.count, after.total, z);
  const b = wilsonInterval(before.count, before.total, z);
  const difference = a.rate - b.rate;
  return {
    difference,
    low: difference - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2),
    high: difference + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2),
  };
}

function assertCounts(count: number, total: number): void {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || count > total) {
    throw new RangeError(`A rate needs whole counts with 0 <= count <= total, not ${count} of ${total}`);
  }
}
