import type { PreventionPolicy } from './prevention-policy.js';
import { rateDifference, twoProportionZ, wilsonInterval } from './rate-stats.js';
import type { RateDifference, RateEstimate } from './rate-stats.js';

// What a return rate, a rise and a listing fix say, by the seller's prevention policy: every figure
// carries its interval, and a sample too small to judge says so instead of a verdict.

/** Units returned of units shipped. */
export interface Counts {
  readonly returned: number;
  readonly shipped: number;
}

/** A return rate with its interval, marked when it rests on too few units to judge by. */
export interface ReturnRate extends RateEstimate {
  readonly smallSample: boolean;
}

export function returnRate(counts: Counts, policy: PreventionPolicy): ReturnRate {
  return { ...wilsonInterval(counts.returned, counts.shipped, policy.confidenceZ), smallSample: counts.shipped < policy.smallSampleUnits };
}

export interface SpikeVerdict {
  readonly recent: ReturnRate;
  readonly baseline: ReturnRate;
  /** The pooled two-proportion z of recent against baseline. */
  readonly z: number;
  /** `spike`: z reached policy.spikeZ; `too_few`: too few units on either side, or a rise on too few recent returns. */
  readonly verdict: 'spike' | 'steady' | 'too_few';
}

/** Whether a SKU's recent return rate rose significantly above its own trailing baseline (one-sided pooled z-test). */
export function spikeVerdict(recent: Counts, baseline: Counts, policy: PreventionPolicy): SpikeVerdict {
  const figures = { recent: returnRate(recent, policy), baseline: returnRate(baseline, policy) };
  const z = twoProportionZ({ count: recent.returned, total: recent.shipped }, { count: baseline.returned, total: baseline.shipped });
  // Fewer recent returns than spikeMinReturns only matter when they would make a spike: a low rate on
  // few returns is simply steady.
  const tooFew = figures.recent.smallSample || figures.baseline.smallSample || (z >= policy.spikeZ && recent.returned < policy.spikeMinReturns);
  return { ...figures, z, verdict: tooFew ? 'too_few' : z >= policy.spikeZ ? 'spike' : 'steady' };
}

export interface FixVerdict extends RateDifference {
  readonly before: ReturnRate;
  readonly after: ReturnRate;
  /** `helped`: the whole interval of after − before is below 0; `worse`: above 0; `too_few`: a small sample on either side. */
  readonly verdict: 'helped' | 'worse' | 'unclear' | 'too_few';
}

/** Whether a listing change lowered the return rate: the rate after against the rate before, with Newcombe's interval. */
export function fixVerdict(before: Counts, after: Counts, policy: PreventionPolicy): FixVerdict {
  const figures = { before: returnRate(before, policy), after: returnRate(after, policy) };
  const change = rateDifference({ count: before.returned, total: before.shipped }, { count: after.returned, total: after.shipped }, policy.confidenceZ);
  const verdict = figures.before.smallSample || figures.after.smallSample ? 'too_few'
    : change.high < 0 ? 'helped' : change.low > 0 ? 'worse' : 'unclear';
  return { ...figures, ...change, verdict };
}
