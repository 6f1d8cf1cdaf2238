import type { Money } from '../money.js';
import type { AmazonNumber, PerMarketplace } from '../policy/policy.js';

// How sure prevention figures must be before they say something (issue 6, docs/prevention.md): the
// seller's choices of statistics; and Amazon's FBA returns processing fee thresholds, effective-dated.

/** Amazon's return-rate threshold for one product category, above which FBA returns carry a processing fee. */
export interface ReturnsFeeThreshold extends AmazonNumber {
  /** The category as the product sheet names it (compared without case). */
  readonly category: string;
  /** 0 when every return of the category is charged (apparel and shoes, per the secondary sources). */
  readonly thresholdBps: number;
}

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
  /**
   * Returns are counted only when asked for within this many whole weeks after the Monday of their
   * purchase week (1..4), so recent and older weeks compare with the same follow-up (spikes, fixes).
   */
  readonly followUpWeeks: number;
  /** A spike compares the latest weeks whose follow-up is over (this many)... */
  readonly spikeRecentWeeks: number;
  /** ...with this many weeks before them, the SKU's own baseline. */
  readonly spikeBaselineWeeks: number;
  /**
   * A purchase month's rate is provisional until this many days after the month's end are covered by
   * the imported returns: its later returns may still come.
   */
  readonly monthFollowUpDays: number;
  /** A listing fix compares this many purchase weeks before its week with as many after it. */
  readonly fixWindowWeeks: number;
  /** FBA returns processing fee: the return-rate threshold per product category (reference §1.4). */
  readonly returnsFeeThresholds: readonly ReturnsFeeThreshold[];
  /** Fewer units shipped in a month than this: exempt from the returns processing fee (reference §1.4). */
  readonly returnsFeeMinShippedUnits: number;
  /** What the seller expects the fee per returned unit to be, per marketplace; absent: the exposure is given in units only. */
  readonly returnsFeePerUnit: PerMarketplace<Money>;
  /** Where each number comes from, by field name. */
  readonly sources: Readonly<Record<string, string>>;
}

export const defaultPreventionPolicy: PreventionPolicy = Object.freeze({
  confidenceZ: 1.959964,
  // Stricter than the 95% of the intervals: a seller with 500 SKUs checks 500 of them every week.
  spikeZ: 2.326348,
  smallSampleUnits: 30,
  spikeMinReturns: 5,
  followUpWeeks: 2,
  spikeRecentWeeks: 2,
  spikeBaselineWeeks: 12,
  fixWindowWeeks: 8,
  monthFollowUpDays: 60,
  // Only the two ends of Amazon's table are in the reference: the seller adds the categories they sell.
  returnsFeeThresholds: Object.freeze([
    Object.freeze({ category: 'Grocery', thresholdBps: 290, effectiveFrom: '2024-06-01', source: 'reference §1.4 [S] Amazon announcement reposts: 2.9% grocery' }),
    Object.freeze({ category: 'Luggage', thresholdBps: 1280, effectiveFrom: '2024-06-01', source: 'reference §1.4 [S] Amazon announcement reposts: 12.8% luggage/handbags' }),
    Object.freeze({ category: 'Handbags', thresholdBps: 1280, effectiveFrom: '2024-06-01', source: 'reference §1.4 [S] Amazon announcement reposts: 12.8% luggage/handbags' }),
    Object.freeze({ category: 'Apparel', thresholdBps: 0, effectiveFrom: '2024-06-01', source: 'reference §1.4 [S]: apparel and shoes charged on returns without the threshold' }),
    Object.freeze({ category: 'Shoes', thresholdBps: 0, effectiveFrom: '2024-06-01', source: 'reference §1.4 [S]: apparel and shoes charged on returns without the threshold' }),
  ]),
  returnsFeeMinShippedUnits: 25,
  returnsFeePerUnit: Object.freeze({}),
  sources: Object.freeze({
    confidenceZ: '[seller] 95% intervals',
    spikeZ: '[seller] one-sided 1% per SKU and window',
    smallSampleUnits: '[seller] 30 units, the usual floor for a normal approximation',
    spikeMinReturns: '[seller] 5 returns in the recent window',
    followUpWeeks: '[seller] returns asked for within 2 weeks after the purchase week: most defect returns come early',
    spikeRecentWeeks: '[seller] the 2 latest weeks whose follow-up is over',
    spikeBaselineWeeks: '[seller] 12 weeks of baseline',
    fixWindowWeeks: '[seller] 8 weeks before and after a fix',
    monthFollowUpDays: '[seller] 60 days, as Amazon\'s returns fee counts a ship month with the two after it',
    returnsFeeMinShippedUnits: 'reference §1.4 [S]: under 25 units shipped a month exempt',
  }),
});
