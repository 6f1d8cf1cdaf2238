import type { Kysely } from 'kysely';
import type { ReturnedUnits, ShippedUnits } from '../domain/prevention/return-rates.js';
import type { Schema } from './schema.js';

// Reads of the prevention rollups (prevention-rollup-repository.ts writes them at import): units
// shipped and returned per SKU, marketplace and purchase month, a few rows per SKU and month.

type Db = Kysely<Schema>;

/** Purchase months to include, both ends inclusive (YYYY-MM); either may be left out. */
export interface MonthRange {
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

export async function shippedUnits(db: Db, accountId: number, range: MonthRange): Promise<ShippedUnits[]> {
  let query = db.selectFrom('prevention_months').select(['marketplace_code', 'sku', 'asin', 'month', 'shipped'])
    .where('account_id', '=', accountId).where('month', '<>', '');
  if (range.fromMonth !== undefined) query = query.where('month', '>=', range.fromMonth);
  if (range.toMonth !== undefined) query = query.where('month', '<=', range.toMonth);
  const rows = await query.execute();
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, asin: r.asin, month: r.month, units: Number(r.shipped) }));
}

/**
 * Returned units per order-line marketplace, SKU, purchase month, reason category and party at fault;
 * returns without an order line (month null) are always included: their month is unknown.
 */
export async function returnedUnits(db: Db, accountId: number, range: MonthRange): Promise<ReturnedUnits[]> {
  let query = db.selectFrom('prevention_month_returns').select(['marketplace_code', 'sku', 'month', 'reason_category', 'fault', 'units'])
    .where('account_id', '=', accountId);
  if (range.fromMonth !== undefined) query = query.where((eb) => eb.or([eb('month', '=', ''), eb('month', '>=', range.fromMonth!)]));
  if (range.toMonth !== undefined) query = query.where('month', '<=', range.toMonth);
  const rows = await query.execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month === '' ? null : r.month,
    reasonCategory: r.reason_category === '' ? null : r.reason_category, fault: r.fault, units: Number(r.units),
  }));
}
