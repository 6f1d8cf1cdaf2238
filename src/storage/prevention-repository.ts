import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Counts } from '../domain/prevention/rate-verdicts.js';
import type { ReturnedUnits, ShippedUnits } from '../domain/prevention/return-rates.js';
import type { WeekSpan } from '../domain/prevention/week-windows.js';
import type { Schema } from './schema.js';

// Reads of the prevention rollups (prevention-rollup-repository.ts writes them at import): units
// shipped and returned per SKU, marketplace and purchase month, a few rows per SKU and month.

type Db = Kysely<Schema>;

/** Purchase months to include, both ends inclusive (YYYY-MM); either may be left out. */
export interface MonthRange {
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

/**
 * The months of `range`. Never `month > ''` beside a first month: SQLite then starts its read at '' and
 * goes through every earlier month of the account too (a SKU sum of the bench: 29 ms instead of 20).
 */
export function inMonths(range: MonthRange): RawBuilder<boolean> {
  const from = range.fromMonth === undefined ? sql`month > ''` : sql`month >= ${range.fromMonth}`;
  return range.toMonth === undefined ? sql<boolean>`(${from})` : sql<boolean>`(${from} and month <= ${range.toMonth})`;
}

export async function shippedUnits(db: Db, accountId: number, range: MonthRange): Promise<ShippedUnits[]> {
  let query = db.selectFrom('prevention_months').select(['marketplace_code', 'sku', 'asin', 'fulfillment', 'month', 'shipped'])
    .where('account_id', '=', accountId).where('month', '<>', '');
  if (range.fromMonth !== undefined) query = query.where('month', '>=', range.fromMonth);
  if (range.toMonth !== undefined) query = query.where('month', '<=', range.toMonth);
  const rows = await query.execute();
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, asin: r.asin, fulfillment: r.fulfillment, month: r.month, units: Number(r.shipped) }));
}

/**
 * Returned units per order-line marketplace, SKU and purchase month, by reason category and party at
 * fault; returns without an order line (month null) are always included: their month is unknown.
 */
export async function returnedUnits(db: Db, accountId: number, range: MonthRange): Promise<ReturnedUnits[]> {
  // Two range reads on the primary key, not one read with `month = '' or month >= from`: SQLite
  // answers the OR by reading every row of the account (698,000 on the analytics bench: 220 ms).
  const read = (from: string, to: string | undefined) => {
    let query = db.selectFrom('prevention_month_returns').select(['marketplace_code', 'sku', 'month', 'fulfillment', 'units', 'by_reason', 'by_fault'])
      .where('account_id', '=', accountId).where('month', '>=', from);
    if (to !== undefined) query = query.where('month', '<=', to);
    return query.execute();
  };
  const rows = range.fromMonth === undefined ? await read('', range.toMonth) : [...await read('', ''), ...await read(range.fromMonth, range.toMonth)];
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month === '' ? null : r.month, fulfillment: r.fulfillment,
    units: Number(r.units), byReason: JSON.parse(r.by_reason) as Record<string, number>, byFault: JSON.parse(r.by_fault) as Record<string, number>,
  }));
}

/**
 * Units shipped and returned per marketplace and SKU in each span of purchase weeks, counting returns
 * asked for within `followUpWeeks` whole weeks after their week's Monday; optionally of one SKU only.
 */
export async function weekSpanCounts<K extends string>(
  db: Db, accountId: number, spans: Readonly<Record<K, WeekSpan>>, followUpWeeks: number, only?: { sku: string; marketplaceCode?: string | null },
): Promise<{ marketplaceCode: string; sku: string; counts: Record<K, Counts> }[]> {
  const names = Object.keys(spans) as K[];
  const returned = sql.join(Array.from({ length: followUpWeeks + 1 }, (_, lag) => sql.ref(`returned_lag${lag}`)), sql` + `);
  const within = (span: WeekSpan) => sql`week >= ${span.from} and week < ${span.to}`;
  const sums = names.flatMap((name, i) => [
    sql<number>`sum(case when ${within(spans[name])} then shipped else 0 end)`.as(`s${i}`),
    sql<number>`sum(case when ${within(spans[name])} then ${returned} else 0 end)`.as(`r${i}`),
  ]);
  const from = names.map((n) => spans[n].from).sort()[0]!;
  const to = names.map((n) => spans[n].to).sort().at(-1)!;
  let query = db.selectFrom('prevention_weeks').select(['marketplace_code', 'sku', ...sums])
    .where('account_id', '=', accountId).where('week', '>=', from).where('week', '<', to)
    .groupBy(['marketplace_code', 'sku']);
  if (only) query = query.where('sku', '=', only.sku);
  if (only?.marketplaceCode) query = query.where('marketplace_code', '=', only.marketplaceCode);
  const rows = (await query.execute()) as unknown as Record<string, string | number>[];
  return rows.map((row) => ({
    marketplaceCode: String(row.marketplace_code), sku: String(row.sku),
    counts: Object.fromEntries(names.map((name, i) => [name, { shipped: Number(row[`s${i}`]), returned: Number(row[`r${i}`]) }])) as Record<K, Counts>,
  }));
}
