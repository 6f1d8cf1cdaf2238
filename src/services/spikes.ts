import { formatLocalDate, parseLocalDate } from '../domain/deadlines/civil-date.js';
import { DomainError } from '../domain/errors.js';
import { findSpikes } from '../domain/prevention/spikes.js';
import type { SpanCounts, SpikeRow } from '../domain/prevention/spikes.js';
import { spikeSpans } from '../domain/prevention/week-windows.js';
import type { WeekSpan } from '../domain/prevention/week-windows.js';
import { weekSpanCounts } from '../storage/prevention-repository.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';

// `returndesk report spikes`: SKUs whose return rate in the latest closed purchase weeks rose above
// their own trailing baseline (docs/prevention.md#spikes).

export type { SpikeRow };

export interface SpikeReport {
  /** The day the weeks were judged on (YYYY-MM-DD, UTC). */
  readonly asOf: string;
  readonly recent: WeekSpan;
  readonly baseline: WeekSpan;
  readonly followUpWeeks: number;
  readonly rows: readonly SpikeRow[];
  readonly problems: readonly SpanCounts[];
}

/** Every SKU's spike verdict on `asOf` (default: today, UTC), by the account's prevention policy. */
export async function accountSpikes(database: Database, accountId: number, options: { asOf?: string } = {}): Promise<SpikeReport> {
  const asOf = parseDay(options.asOf, '--as-of') ?? new Date().toISOString().slice(0, 10);
  const { policy } = await showPolicy(database, accountId);
  await ensurePreventionRollups(database, accountId);
  const spans = spikeSpans(asOf, policy.prevention);
  const counts = await weekSpanCounts(database.db, accountId, spans, policy.prevention.followUpWeeks);
  const spikes = findSpikes(counts.map((c) => ({ marketplaceCode: c.marketplaceCode, sku: c.sku, ...c.counts })), policy.prevention);
  return { asOf, ...spans, followUpWeeks: policy.prevention.followUpWeeks, ...spikes };
}

/** A `YYYY-MM-DD` option, or undefined when not given; anything else is bad input naming the option. */
export function parseDay(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    return formatLocalDate(parseLocalDate(text.trim()));
  } catch {
    throw new DomainError('invalid_input', `${option} must be a date as YYYY-MM-DD, such as 2026-03-31, not "${text}".`, { [option]: text });
  }
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
