import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { maxFollowUpWeeks } from '../domain/prevention/purchase-weeks.js';
import type { SettlementRefundSum } from '../domain/prevention/return-costs.js';
import type { MonthReturned, MonthShipped, OrderDay, ReturnDay, WeekRow } from '../domain/prevention/rollup-rows.js';
import type { Transaction } from './database.js';
import { isAnyOf } from './dialect.js';
import type { Schema } from './schema.js';
import { compareCodeUnits } from '../domain/code-unit-order.js';

// The prevention rollups' tables (migration 20261128T0900-prevention): read the order lines and returns
// of a span of purchase days, summed per day, and replace the rollup rows of whole months and weeks.
// Reads go through the transaction's own connection: an import refreshes rows it has not committed yet.

type Db = Kysely<Schema>;
const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

/** Order lines bought in [fromDay, toDay) (YYYY-MM-DD, UTC), summed per day and status pair. */
export async function orderDays(db: Db, accountId: number, fromDay: string, toDay: string): Promise<OrderDay[]> {
  const rows = await db.selectFrom('orders')
    .select(['marketplace_code', 'sku', 'asin', 'fulfillment_channel', day('purchase_date').as('day'), 'order_status', 'item_status', sql<number>`sum(quantity)`.as('units')])
    .where('account_id', '=', accountId).where('purchase_date', '>=', fromDay).where('purchase_date', '<', toDay)
    .groupBy(['marketplace_code', 'sku', 'asin', 'fulfillment_channel', day('purchase_date'), 'order_status', 'item_status'])
    .execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, asin: r.asin, fulfillmentChannel: r.fulfillment_channel, day: r.day, orderStatus: r.order_status,
    itemStatus: r.item_status, units: Number(r.units),
  }));
}

/**
 * Returns of order lines bought in [fromDay, toDay), in the order line's marketplace (a unified EU
 * account imports an Amazon.fr order's return with the DE reports), summed per purchase and request day.
 * An order line is one per order id and SKU (the All Orders import's natural key), so a case joins once.
 */
export async function returnDays(db: Db, accountId: number, fromDay: string, toDay: string): Promise<ReturnDay[]> {
  const rows = await db.selectFrom('orders as o')
    .innerJoin('return_cases as c', (join) => join.onRef('c.account_id', '=', 'o.account_id').onRef('c.order_id', '=', 'o.amazon_order_id').onRef('c.sku', '=', 'o.sku'))
    .select(['o.marketplace_code', 'c.sku', 'o.fulfillment_channel', day('o.purchase_date').as('purchase_day'), day('c.requested_at').as('requested_on'),
      'c.reason_category', 'c.fault', sql<number>`sum(c.quantity)`.as('units')])
    .where('o.account_id', '=', accountId).where('o.purchase_date', '>=', fromDay).where('o.purchase_date', '<', toDay)
    .groupBy(['o.marketplace_code', 'c.sku', 'o.fulfillment_channel', day('o.purchase_date'), day('c.requested_at'), 'c.reason_category', 'c.fault'])
    .execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, fulfillmentChannel: r.fulfillment_channel, purchaseDay: r.purchase_day, requestedOn: r.requested_on,
    reasonCategory: r.reason_category, fault: r.fault, units: Number(r.units),
  }));
}

/** Returns whose order line is not in the imported All Orders report, in the case's own marketplace; of these SKUs only, when given. */
export async function returnsWithoutOrderLine(tx: Transaction, accountId: number, skus?: readonly string[]): Promise<ReturnDay[]> {
  let query = tx.db.selectFrom('return_cases as c')
    .select(['c.marketplace_code', 'c.sku', 'c.reason_category', 'c.fault', sql<number>`sum(c.quantity)`.as('units')])
    .where('c.account_id', '=', accountId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('orders as o').select(sql.lit(1).as('one'))
      .whereRef('o.account_id', '=', 'c.account_id').whereRef('o.amazon_order_id', '=', 'c.order_id').whereRef('o.sku', '=', 'c.sku'))))
    .groupBy(['c.marketplace_code', 'c.sku', 'c.reason_category', 'c.fault']);
  if (skus !== undefined) query = query.where(isAnyOf(tx.dialect, 'c.sku', skus));
  const rows = await query.execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, fulfillmentChannel: null, purchaseDay: null, requestedOn: null, reasonCategory: r.reason_category, fault: r.fault,
    units: Number(r.units),
  }));
}

/** The purchase months (YYYY-MM) the account's order lines fall in. */
export async function orderMonths(db: Db, accountId: number): Promise<string[]> {
  const rows = await db.selectFrom('orders').select(sql<string>`substr(purchase_date, 1, 7)`.as('month'))
    .where('account_id', '=', accountId).distinct().execute();
  return rows.map((r) => r.month).sort();
}

/** The months (YYYY-MM, UTC) settlement refund rows were posted in. */
export async function settlementMonths(db: Db, accountId: number): Promise<string[]> {
  const rows = await db.selectFrom('settlement_refunds').select(sql<string>`substr(posted_date, 1, 7)`.as('month'))
    .where('account_id', '=', accountId).distinct().execute();
  return rows.map((r) => r.month).sort();
}

/** Replaces the settlement refund sums of one posted month. */
export async function replaceSettlementMonth(tx: Transaction, accountId: number, month: string, sums: readonly SettlementRefundSum[]): Promise<void> {
  await tx.db.deleteFrom('settlement_refund_months').where('account_id', '=', accountId).where('month', '=', month).execute();
  await tx.bulk.insert('settlement_refund_months', ['account_id', 'month', 'marketplace_code', 'sku', 'currency', 'amount_type', 'amount_description', 'amount_minor'],
    sums.map((r) => [accountId, r.month, r.marketplaceCode, r.sku, r.currency, r.amountType, r.amountDescription, r.amountMinor]));
}

/** The purchase months of the order lines of these order ids (any SKU). */
export async function purchaseMonthsOfOrders(db: Db, accountId: number, orderIds: readonly string[]): Promise<string[]> {
  const months = new Set<string>();
  // Chunks keep every statement under both databases' bound-parameter limits.
  for (let start = 0; start < orderIds.length; start += 500) {
    const rows = await db.selectFrom('orders').select(sql<string>`substr(purchase_date, 1, 7)`.as('month'))
      .where('account_id', '=', accountId).where('amazon_order_id', 'in', orderIds.slice(start, start + 500)).distinct().execute();
    for (const r of rows) months.add(r.month);
  }
  return [...months].sort();
}

/**
 * Replaces the month rows of `months` (shipped and returned; '' is the month of returns without an
 * order line), of these SKUs only when given.
 */
export async function replaceMonths(
  tx: Transaction, accountId: number, months: readonly string[], shipped: readonly MonthShipped[], returned: readonly MonthReturned[], skus?: readonly string[],
): Promise<void> {
  if (months.length === 0) return;
  let shippedRows = tx.db.deleteFrom('prevention_months').where('account_id', '=', accountId).where('month', 'in', months);
  let returnedRows = tx.db.deleteFrom('prevention_month_returns').where('account_id', '=', accountId).where('month', 'in', months);
  if (skus !== undefined) {
    shippedRows = shippedRows.where(isAnyOf(tx.dialect, 'sku', skus));
    returnedRows = returnedRows.where(isAnyOf(tx.dialect, 'sku', skus));
  }
  await shippedRows.execute();
  await returnedRows.execute();
  await tx.bulk.insert('prevention_months', ['account_id', 'month', 'marketplace_code', 'sku', 'asin', 'fulfillment', 'shipped'],
    shipped.map((r) => [accountId, r.month, r.marketplaceCode, r.sku, r.asin, r.fulfillment, r.shipped]));
  await tx.bulk.insert('prevention_month_returns', ['account_id', 'month', 'marketplace_code', 'sku', 'fulfillment', 'units', 'by_reason', 'by_fault'],
    returned.map((r) => [accountId, r.month, r.marketplaceCode, r.sku, r.fulfillment, r.units, sortedJson(r.byReason), sortedJson(r.byFault)]));
}

/** Replaces the units returned per marketplace and reason of one purchase month, summed from its returned rows. */
export async function replaceMarketReasons(tx: Transaction, accountId: number, month: string, returned: readonly MonthReturned[]): Promise<void> {
  await tx.db.deleteFrom('prevention_market_reasons').where('account_id', '=', accountId).where('month', '=', month).execute();
  const sums = new Map<string, { marketplaceCode: string; reason: string; units: number }>();
  for (const r of returned) {
    for (const [reason, units] of Object.entries(r.byReason)) {
      const key = `${r.marketplaceCode}\t${reason}`;
      const sum = sums.get(key) ?? { marketplaceCode: r.marketplaceCode, reason, units: 0 };
      sum.units += units;
      sums.set(key, sum);
    }
  }
  await tx.bulk.insert('prevention_market_reasons', ['account_id', 'month', 'marketplace_code', 'reason', 'units'],
    [...sums.values()].filter((s) => s.units !== 0).map((s) => [accountId, month, s.marketplaceCode, s.reason, s.units]));
}

/** JSON with the keys in order: the same counts always store the same text, whatever order the rows came in. */
function sortedJson(counts: Readonly<Record<string, number>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareCodeUnits(a, b))));
}

const lagColumns = Array.from({ length: maxFollowUpWeeks + 1 }, (_, lag) => `returned_lag${lag}`);

/** Replaces the week rows of the weeks (Mondays) in [fromWeek, toWeek). */
export async function replaceWeeks(tx: Transaction, accountId: number, fromWeek: string, toWeek: string, rows: Iterable<WeekRow>): Promise<void> {
  await tx.db.deleteFrom('prevention_weeks').where('account_id', '=', accountId).where('week', '>=', fromWeek).where('week', '<', toWeek).execute();
  const cells = [...rows].filter((r) => r.week >= fromWeek && r.week < toWeek).map((r) => [accountId, r.week, r.marketplaceCode, r.sku, r.shipped, ...r.returnedByLag]);
  await tx.bulk.insert('prevention_weeks', ['account_id', 'week', 'marketplace_code', 'sku', 'shipped', ...lagColumns], cells);
}

/**
 * Serializes rollup refreshes of one account on PostgreSQL until the transaction ends: two imports
 * committing at once would each delete and insert the same month's rows. Each statement after the lock
 * reads what the other committed (READ COMMITTED). SQLite has one writer at a time already.
 */
export async function lockRollups(tx: Transaction, accountId: number): Promise<void> {
  // The first key names ReturnDesk's rollups ('RD' 'PR'), the second the account.
  if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${0x52445052}, ${accountId})`.execute(tx.db);
}

export async function rollupsBuilt(db: Db, accountId: number): Promise<boolean> {
  const row = await db.selectFrom('prevention_rollup_state').select('built_at').where('account_id', '=', accountId).executeTakeFirst();
  return row !== undefined;
}

/** Drops every rollup row of the account, before a build in full. */
export async function clearRollups(tx: Transaction, accountId: number): Promise<void> {
  const tables = [
    'prevention_months', 'prevention_month_returns', 'prevention_market_reasons', 'prevention_weeks', 'settlement_refund_months', 'return_cost_months',
    'prevention_rollup_state',
  ] as const;
  for (const table of tables) {
    await tx.db.deleteFrom(table).where('account_id', '=', accountId).execute();
  }
}

/**
 * Marks the rollups built, with the latest day a return was asked for in the report rows (an FBA row's
 * return date, an MFN row's request date): the same days an import moves it forward by, so a build in
 * full and a run of imports agree (a case's own date is its first unit's, not its latest).
 */
export async function markRollupsBuilt(tx: Transaction, accountId: number, builtAt: string): Promise<void> {
  const [fba, mfn] = await Promise.all([
    tx.db.selectFrom('fba_returns').select(sql<string | null>`max(return_date)`.as('at')).where('account_id', '=', accountId).executeTakeFirst(),
    tx.db.selectFrom('mfn_returns').select(sql<string | null>`max(return_request_date)`.as('at')).where('account_id', '=', accountId).executeTakeFirst(),
  ]);
  const days = [fba?.at, mfn?.at].filter((at): at is string => typeof at === 'string' && at !== '').map((at) => at.slice(0, 10)).sort();
  await tx.db.insertInto('prevention_rollup_state').values({ account_id: accountId, built_at: builtAt, returns_through: days.at(-1) ?? null }).execute();
}

/** Moves the latest day with returns imported forward to `day` (YYYY-MM-DD), never back. */
export async function extendReturnsThrough(tx: Transaction, accountId: number, day: string): Promise<void> {
  await tx.db.updateTable('prevention_rollup_state').set({ returns_through: day }).where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('returns_through', 'is', null), eb('returns_through', '<', day)])).execute();
}

/** The latest day a return was asked for in the imported reports (YYYY-MM-DD), or null when none has been. */
export async function returnsThrough(db: Db, accountId: number): Promise<string | null> {
  const row = await db.selectFrom('prevention_rollup_state').select('returns_through').where('account_id', '=', accountId).executeTakeFirst();
  return row?.returns_through ?? null;
}
