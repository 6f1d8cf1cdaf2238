import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { OrderedUnits, ReturnedUnits } from '../domain/prevention/return-rates.js';
import type { Schema } from './schema.js';

// The sums return rates are made of (domain/prevention/return-rates.ts): units ordered and returned
// per SKU, marketplace and purchase month. Purchase dates are UTC ISO-8601 text, so the month is its
// first seven characters on both databases.

type Db = Kysely<Schema>;

/** Purchase months to include, both ends inclusive (YYYY-MM); either may be left out. */
export interface MonthRange {
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

/** Order lines summed per marketplace, SKU, ASIN, purchase month and statuses (which count as shipped is the domain's call). */
export async function orderedUnits(db: Db, accountId: number, range: MonthRange): Promise<OrderedUnits[]> {
  const month = sql<string>`substr(purchase_date, 1, 7)`;
  let query = db.selectFrom('orders')
    .select(['marketplace_code', 'sku', 'asin', month.as('month'), 'order_status', 'item_status', sql<number>`sum(quantity)`.as('units')])
    .where('account_id', '=', accountId)
    .groupBy(['marketplace_code', 'sku', 'asin', month, 'order_status', 'item_status']);
  if (range.fromMonth !== undefined) query = query.where(month, '>=', range.fromMonth);
  if (range.toMonth !== undefined) query = query.where(month, '<=', range.toMonth);
  const rows = await query.execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, asin: r.asin, month: r.month, orderStatus: r.order_status, itemStatus: r.item_status, units: Number(r.units),
  }));
}

/**
 * Returned units per marketplace, SKU, reason category and party at fault, in the purchase month of
 * the order line they came from (null when the All Orders report has no such line: always included).
 * The order line is found by order id and SKU alone (Amazon order ids are unique across marketplaces),
 * and its marketplace is the one a return counts in: a unified EU account imports an Amazon.fr order's
 * return with the marketplace given at import. Looked up per case rather than joined, so a case counts
 * once whatever the order lines.
 */
export async function returnedUnits(db: Db, accountId: number, range: MonthRange): Promise<ReturnedUnits[]> {
  const ofOrderLine = (expression: string) => sql<string | null>`(select ${sql.raw(expression)} from orders as o
    where o.account_id = c.account_id and o.amazon_order_id = c.order_id and o.sku = c.sku)`;
  const cases = db.selectFrom('return_cases as c')
    .select([
      sql<string>`coalesce(${ofOrderLine('min(o.marketplace_code)')}, c.marketplace_code)`.as('marketplace_code'),
      'c.sku', ofOrderLine('substr(min(o.purchase_date), 1, 7)').as('month'), 'c.reason_category', 'c.fault', 'c.quantity',
    ])
    .where('c.account_id', '=', accountId);
  let query = db.selectFrom(cases.as('r'))
    .select(['r.marketplace_code', 'r.sku', 'r.month', 'r.reason_category', 'r.fault', sql<number>`sum(r.quantity)`.as('units')])
    .groupBy(['r.marketplace_code', 'r.sku', 'r.month', 'r.reason_category', 'r.fault']);
  if (range.fromMonth !== undefined) query = query.where((eb) => eb.or([eb('r.month', 'is', null), eb('r.month', '>=', range.fromMonth!)]));
  if (range.toMonth !== undefined) query = query.where((eb) => eb.or([eb('r.month', 'is', null), eb('r.month', '<=', range.toMonth!)]));
  const rows = await query.execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, reasonCategory: r.reason_category, fault: r.fault, units: Number(r.units),
  }));
}
