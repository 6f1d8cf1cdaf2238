import { DomainError } from '../domain/errors.js';
import { returnRates } from '../domain/prevention/return-rates.js';
import type { RateRow, ReturnRates } from '../domain/prevention/return-rates.js';
import { groupUnits, rateGroupings } from '../domain/prevention/rate-groups.js';
import type { RateGrouping } from '../domain/prevention/rate-groups.js';
import { productCategories } from '../storage/product-repository.js';
import { returnsThrough } from '../storage/prevention-rollup-repository.js';
import { returnedUnits, shippedUnits } from '../storage/prevention-repository.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { parseMonthRange } from './report-options.js';

// `returndesk report rates`: return rates per SKU, marketplace and purchase month (docs/prevention.md).

export type { RateRow, ReturnRates };

export interface GroupedRates extends ReturnRates {
  /** What each row's `sku` names: a SKU, an ASIN, a product category, or all SKUs of the marketplace. */
  readonly by: RateGrouping;
  /** The latest day a return was asked for in the imported reports (months after it are provisional). */
  readonly returnsThrough: string | null;
}

/** The account's return rates over the purchase months given, per SKU (or ASIN, category, marketplace), by its prevention policy. */
export async function accountReturnRates(database: Database, accountId: number, range: { from?: string; to?: string; by?: string } = {}): Promise<GroupedRates> {
  const months = parseMonthRange(range);
  const by = parseGrouping(range.by);
  const { policy } = await showPolicy(database, accountId);
  await ensurePreventionRollups(database, accountId);
  const [shipped, returned, categories] = await Promise.all([
    shippedUnits(database.db, accountId, months), returnedUnits(database.db, accountId, months),
    by === 'category' ? productCategories(database.db, accountId) : new Map<string, string>(),
  ]);
  const grouped = groupUnits(shipped, returned, by, (sku) => categories.get(sku) ?? null);
  const through = await returnsThrough(database.db, accountId);
  return { by, returnsThrough: through, ...returnRates(grouped.shipped, grouped.returned, policy.prevention, through) };
}

function parseGrouping(text: string | undefined): RateGrouping {
  if (text === undefined) return 'sku';
  const by = rateGroupings.find((g) => g === text.trim().toLowerCase());
  if (!by) throw new DomainError('invalid_input', `--by must be one of ${rateGroupings.join(', ')}, not "${text}".`, { by: text });
  return by;
}

/** Which columns of `rateTable` hold numbers (counts and percentages), by header. */
export function isRateTableNumber(header: string): boolean {
  return header === 'shipped' || header === 'returned' || header.endsWith('_pct') || header.startsWith('reason:') || header.startsWith('fault:');
}

/** The rates as spreadsheet rows: fixed columns, then one column per reason category and party at fault found. */
export function rateTable(rates: GroupedRates): string[][] {
  const reasons = [...new Set(rates.rows.flatMap((r) => Object.keys(r.byReason)))].sort();
  const faults = [...new Set(rates.rows.flatMap((r) => Object.keys(r.byFault)))].sort();
  const percent = (share: number | undefined) => (share === undefined ? '' : (share * 100).toFixed(2));
  const header = ['marketplace', rates.by === 'marketplace' ? 'group' : rates.by, 'asins', 'month', 'shipped', 'returned', 'rate_pct', 'low_pct', 'high_pct', 'small_sample', 'provisional', 'problem',
    ...reasons.map((r) => `reason:${r}`), ...faults.map((f) => `fault:${f}`)];
  return [header, ...rates.rows.map((r) => [
    r.marketplaceCode, r.sku, r.asins.join(' '), r.month, String(r.shipped), String(r.returned), percent(r.rate?.rate), percent(r.rate?.low),
    percent(r.rate?.high), r.rate === null ? '' : r.rate.smallSample ? 'yes' : 'no', r.provisional ? 'yes' : 'no', r.problem ?? '',
    ...reasons.map((reason) => String(r.byReason[reason] ?? 0)), ...faults.map((fault) => String(r.byFault[fault] ?? 0)),
  ])];
}
