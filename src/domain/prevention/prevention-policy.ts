// How sure prevention figures must be before they say something (issue 6, docs/prevention.md). All of
// these are the seller's choices of statistics, not Amazon's numbers.

/** The confidence and sample sizes behind return rates, spikes and fix verdicts. */
export interface PreventionPolicy {
  /** The normal quantile of the confidence of every rate interval and fix verdict: 1.959964 for 95%. */
  readonly confidenceZ: number;
  /**
   * A SKU's return rate spiked when the pooled z of its recent window against its own trailing
   * baseline reaches this, one-sided: 2.326348 is a 1% chance of a false alarm per SKU and window.
   */
  readonly spikeZ: number;
  /** Fewer units shipped than this in a period: its rate is shown as a small sample, and judges nothing. */
  readonly smallSampleUnits: number;
  /** A spike needs at least this many returns in the recent window: one or two returns are not a bad batch. */
  readonly spikeMinReturns: number;
  /** Where each number comes from, by field name. */
  readonly sources: Readonly<Record<string, string>>;
}

export const defaultPreventionPolicy: PreventionPolicy = Object.freeze({
  confidenceZ: 1.959964,
  // Stricter than the 95% of the intervals: a seller with 500 SKUs checks 500 of them every week.
  spikeZ: 2.326348,
  smallSampleUnits: 30,
  spikeMinReturns: 5,
  sources: Object.freeze({
    confidenceZ: '[seller] 95% intervals',
    spikeZ: '[seller] one-sided 1% per SKU and window',
    smallSampleUnits: '[seller] 30 units, the usual floor for a normal approximation',
    spikeMinReturns: '[seller] 5 returns in the recent window',
  }),
});
