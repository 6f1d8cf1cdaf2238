import { findSpikes } from '../domain/prevention/spikes.js';
import type { SpanCounts, SpikeRow } from '../domain/prevention/spikes.js';
import { judgedOn, spikeSpans } from '../domain/prevention/week-windows.js';
import type { WeekSpan } from '../domain/prevention/week-windows.js';
import { weekSpanCounts } from '../storage/prevention-repository.js';
import { returnsThrough } from '../storage/prevention-rollup-repository.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { parseAsOf } from './report-options.js';

// `returndesk report spikes`: SKUs whose return rate in the latest closed purchase weeks rose above
// their own trailing baseline (docs/prevention.md#spikes).

export type { SpikeRow };

export interface SpikeReport {
  /** The day asked for (YYYY-MM-DD, UTC; default today). */
  readonly asOf: string;
  /** The latest day a return was asked for in the imported reports; null when none has been imported. */
  readonly returnsThrough: string | null;
  /** The day the weeks were judged on: `asOf`, or the day after `returnsThrough` when earlier. */
  readonly judgedOn: string;
  readonly recent: WeekSpan;
  readonly baseline: WeekSpan;
  readonly followUpWeeks: number;
  readonly rows: readonly SpikeRow[];
  readonly problems: readonly SpanCounts[];
}

/**
 * Every SKU's spike verdict on `asOf` (default: today, UTC), by the account's prevention policy;
 * `nowIso` is the clock "today" is read from (the server's), default the real one.
 */
export async function accountSpikes(database: Database, accountId: number, options: { asOf?: string; nowIso?: string } = {}): Promise<SpikeReport> {
  const asOf = parseAsOf(options.asOf, options.nowIso);
  const { policy } = await showPolicy(database, accountId);
  await ensurePreventionRollups(database, accountId);
  const through = await returnsThrough(database.db, accountId);
  const judged = judgedOn(asOf, through);
  const spans = spikeSpans(judged, policy.prevention);
  const counts = await weekSpanCounts(database.db, accountId, spans, policy.prevention.followUpWeeks);
  const spikes = findSpikes(counts.map((c) => ({ marketplaceCode: c.marketplaceCode, sku: c.sku, ...c.counts })), policy.prevention);
  return { asOf, returnsThrough: through, judgedOn: judged, ...spans, followUpWeeks: policy.prevention.followUpWeeks, ...spikes };
}

const percent = (share: number) => (share * 100).toFixed(2);

export function isSpikeTableNumber(header: string): boolean {
  return header.endsWith('_shipped') || header.endsWith('_returned') || header.endsWith('_pct') || header === 'z';
}

/** The verdicts as spreadsheet rows. */
export function spikeTable(report: SpikeReport): string[][] {
  const header = ['marketplace', 'sku', 'verdict', 'z', 'recent_shipped', 'recent_returned', 'recent_rate_pct', 'recent_low_pct', 'recent_high_pct',
    'baseline_shipped', 'baseline_returned', 'baseline_rate_pct'];
  return [header, ...report.rows.map((r) => [
    r.marketplaceCode, r.sku, r.verdict, r.z.toFixed(2), String(r.recent.total), String(r.recent.count), percent(r.recent.rate), percent(r.recent.low),
    percent(r.recent.high), String(r.baseline.total), String(r.baseline.count), percent(r.baseline.rate),
  ])];
}
