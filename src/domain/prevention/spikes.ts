import type { PreventionPolicy } from './prevention-policy.js';
import { spikeVerdict } from './rate-verdicts.js';
import type { Counts, SpikeVerdict } from './rate-verdicts.js';
import { compareCodeUnits } from '../code-unit-order.js';

// Spikes (issue 6): a SKU whose return rate in its latest closed weeks rose above its own trailing
// baseline, by the one-sided pooled two-proportion z-test of rate-verdicts.ts, so a bad batch from
// the factory shows within weeks of being sold, not at the month's end.

/** One SKU of one marketplace: units shipped and returned (within the follow-up) in each span. */
export interface SpanCounts {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly recent: Counts;
  readonly baseline: Counts;
}

export interface SpikeRow extends SpikeVerdict {
  readonly marketplaceCode: string;
  readonly sku: string;
}

const order: Record<SpikeVerdict['verdict'], number> = { spike: 0, steady: 1, too_few: 2 };

export interface Spikes {
  /** Spikes first, the largest z first; then steady SKUs; then those with too few units or returns to judge. */
  readonly rows: readonly SpikeRow[];
  /** SKUs with more units returned than shipped in a span: the All Orders report misses lines; no verdict. */
  readonly problems: readonly SpanCounts[];
}

export function findSpikes(counts: readonly SpanCounts[], policy: PreventionPolicy): Spikes {
  const overflows = (c: SpanCounts) => c.recent.returned > c.recent.shipped || c.baseline.returned > c.baseline.shipped;
  const rows = counts.filter((c) => !overflows(c)).map((c) => ({ marketplaceCode: c.marketplaceCode, sku: c.sku, ...spikeVerdict(c.recent, c.baseline, policy) }));
  const byName = (a: { marketplaceCode: string; sku: string }, b: { marketplaceCode: string; sku: string }) =>
    compareCodeUnits(a.marketplaceCode, b.marketplaceCode) || compareCodeUnits(a.sku, b.sku);
  return {
    rows: rows.sort((a, b) => order[a.verdict] - order[b.verdict] || b.z - a.z || byName(a, b)),
    problems: counts.filter(overflows).sort(byName),
  };
}
