import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { SkuUnits } from '../domain/prevention/problem-skus.js';
import { monthDays } from '../domain/prevention/purchase-weeks.js';
import type { FbaMonthUnits } from '../domain/prevention/returns-fee.js';
import { isAnyOf } from './dialect.js';
import type { DialectName } from './dialect.js';
import { inMonths } from './prevention-repository.js';
import type { MonthRange } from './prevention-repository.js';
import type { Schema } from './schema.js';

// The prevention rollups summed over the purchase months asked for (report causes), never counting the
// returns without an order line (month ''): they have no month, so no rate. A large seller's three
// months are 48,000 shipped and 44,000 returned rows (analytics bench), which took 200 ms to read one
// by one with their reasons; summed in SQL per SKU they are 8,000 rows read in 20 ms from each table.

type Db = Kysely<Schema>;

const isFba = sql<number>`max(case when fulfillment = 'fba' then 1 else 0 end)`;

/** Units shipped and returned per marketplace and SKU over the purchase months of `range`. */
export async function skuUnits(db: Db, accountId: number, range: MonthRange): Promise<SkuUnits[]> {
  // Grouped by SKU first: sorting on the SKU, which differs sooner than the marketplace, took 3 ms less.
  const [shipped, returned] = await Promise.all([
    db.selectFrom('prevention_months').select(['marketplace_code', 'sku', sql<number>`sum(shipped)`.as('units'), isFba.as('fba')])
      .where('account_id', '=', accountId).where(inMonths(range)).groupBy(['sku', 'marketplace_code']).execute(),
    db.selectFrom('prevention_month_returns').select(['marketplace_code', 'sku', sql<number>`sum(units)`.as('units'), isFba.as('fba')])
      .where('account_id', '=', accountId).where(inMonths(range)).groupBy(['sku', 'marketplace_code']).execute(),
  ]);
  const totals = new Map<string, { marketplaceCode: string; sku: string; shipped: number; returned: number; fba: boolean }>();
  for (const r of shipped) {
    totals.set(`${r.marketplace_code}\t${r.sku}`, { marketplaceCode: r.marketplace_code, sku: r.sku, shipped: Number(r.units), returned: 0, fba: Number(r.fba) === 1 });
  }
  for (const r of returned) {
    const key = `${r.marketplace_code}\t${r.sku}`;
    const entry = totals.get(key) ?? { marketplaceCode: r.marketplace_code, sku: r.sku, shipped: 0, returned: 0, fba: false };
    entry.returned = Number(r.units);
    entry.fba ||= Number(r.fba) === 1;
    totals.set(key, entry);
  }
  return [...totals.values()];
}

/**
 * Every purchase month of `range` that can hold returns, YYYY-MM ascending: from the account's first
 * month with returns to its last, within the range. Named one by one, the months let a read of a few
 * marketplaces or SKUs seek to them on the primary key (month, marketplace, SKU).
 */
export async function purchaseMonths(db: Db, accountId: number, range: MonthRange): Promise<string[]> {
  // A min and a max query: asked in one, SQLite reads every row of the account instead of one index entry each.
  const [earliest, latest] = await Promise.all([
    db.selectFrom('prevention_month_returns').select((eb) => eb.fn.min('month').as('month')).where('account_id', '=', accountId).where('month', '>', '').executeTakeFirst(),
    db.selectFrom('prevention_month_returns').select((eb) => eb.fn.max('month').as('month')).where('account_id', '=', accountId).executeTakeFirst(),
  ]);
  if (!earliest?.month || !latest?.month) return [];
  const first = range.fromMonth !== undefined && range.fromMonth > earliest.month ? range.fromMonth : earliest.month;
  const last = range.toMonth !== undefined && range.toMonth < latest.month ? range.toMonth : latest.month;
  const months: string[] = [];
  for (let month = first; month <= last; month = monthDays(month).next.slice(0, 7)) months.push(month);
  return months;
}

/** Units returned by reason category per marketplace over the purchase months of `range`, from their rollup. */
export async function marketplaceReasonUnits(db: Db, accountId: number, range: MonthRange): Promise<Map<string, Record<string, number>>> {
  const rows = await db.selectFrom('prevention_market_reasons').select(['marketplace_code', 'reason', sql<number>`sum(units)`.as('units')])
    .where('account_id', '=', accountId).where(inMonths(range)).groupBy(['marketplace_code', 'reason']).execute();
  const sums = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const reasons = sums.get(r.marketplace_code) ?? {};
    reasons[r.reason] = Number(r.units);
    sums.set(r.marketplace_code, reasons);
  }
  return sums;
}

/**
 * Units returned by reason category of each of `skus` (in their order) over `months` (purchaseMonths),
 * read by seeks on the primary key: 0.2 ms for 20 SKUs, where filtering every row of three months took 12 ms.
 */
export async function skuReasonUnits(
  db: Db, dialect: DialectName, accountId: number, months: readonly string[], skus: readonly { marketplaceCode: string; sku: string }[],
): Promise<Record<string, number>[]> {
  const sums = new Map(skus.map((s) => [`${s.marketplaceCode}\t${s.sku}`, {} as Record<string, number>]));
  if (sums.size > 0 && months.length > 0) {
    const rows = await db.selectFrom('prevention_month_returns').select(['marketplace_code', 'sku', 'by_reason']).where('account_id', '=', accountId)
      .where(isAnyOf(dialect, 'month', months)).where(isAnyOf(dialect, 'marketplace_code', [...new Set(skus.map((s) => s.marketplaceCode))]))
      .where(isAnyOf(dialect, 'sku', [...new Set(skus.map((s) => s.sku))])).execute();
    for (const r of rows) {
      const byReason = sums.get(`${r.marketplace_code}\t${r.sku}`);
      if (byReason) addReasons(byReason, r.by_reason);
    }
  }
  return skus.map((s) => sums.get(`${s.marketplaceCode}\t${s.sku}`)!);
}

/** Adds the units of a rollup row's reasons (JSON). */
function addReasons(sums: Record<string, number>, json: string): void {
  const units = JSON.parse(json) as Record<string, number>;
  for (const reason in units) sums[reason] = (sums[reason] ?? 0) + units[reason]!;
}

/**
 * FBA units shipped and returned per marketplace, SKU and purchase month of `range`, of these SKUs
 * only; by month, marketplace and SKU, the months with FBA units shipped first, then those with FBA
 * returns only.
 */
export async function fbaMonthUnits(db: Db, dialect: DialectName, accountId: number, range: MonthRange, skus: readonly string[]): Promise<FbaMonthUnits[]> {
  if (skus.length === 0) return [];
  const [shipped, returned] = await Promise.all([
    db.selectFrom('prevention_months').select(['month', 'marketplace_code', 'sku', sql<number>`sum(shipped)`.as('units')])
      .where('account_id', '=', accountId).where(inMonths(range)).where('fulfillment', '=', 'fba').where(isAnyOf(dialect, 'sku', skus))
      .groupBy(['month', 'marketplace_code', 'sku']).orderBy('month').orderBy('marketplace_code').orderBy('sku').execute(),
    db.selectFrom('prevention_month_returns').select(['month', 'marketplace_code', 'sku', 'units'])
      .where('account_id', '=', accountId).where(inMonths(range)).where('fulfillment', '=', 'fba').where(isAnyOf(dialect, 'sku', skus))
      .orderBy('month').orderBy('marketplace_code').orderBy('sku').execute(),
  ]);
  const months = new Map<string, { marketplaceCode: string; sku: string; month: string; shipped: number; returned: number }>();
  for (const r of shipped) months.set(`${r.marketplace_code}\t${r.sku}\t${r.month}`, { marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, shipped: Number(r.units), returned: 0 });
  for (const r of returned) {
    const key = `${r.marketplace_code}\t${r.sku}\t${r.month}`;
    const entry = months.get(key) ?? { marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, shipped: 0, returned: 0 };
    entry.returned = Number(r.units);
    months.set(key, entry);
  }
  return [...months.values()];
}
