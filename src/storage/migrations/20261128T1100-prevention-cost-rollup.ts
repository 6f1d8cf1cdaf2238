import { sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: this file must never import from src. Speed of the prevention reports on a large
// seller (npm run bench:analytics, 1,000,000 returns):
// - the cost of returns reads one rollup row per month, marketplace, SKU and currency instead of six
//   grouped reads of a month's MFN, FBA, settlement and reimbursement rows (~380 ms for one month);
// - spikes read a span of purchase weeks from an index alone (75 → 58 ms for 112,000 week rows), and
//   a listing fix one SKU's weeks;
// - the reason Pareto of a marketplace's returns reads one row per month and reason;
// - a month's receipts are read by date, and the newest buyer comments from the rows that have one
//   (5,000 comments of three months: 57 → 28 ms).

type Table = CreateTableBuilder<string, never>;

export async function up(db: Kysely<any>): Promise<void> {
  // What the imported reports say a month of returns cost and brought back, but for the cases the desk
  // recorded a refund, receipt or route for: those count from the record (return-cost-rollup-repository.ts).
  // Money columns are in the row's currency; unit columns sit in the row of the marketplace's
  // currency ('' for a marketplace ReturnDesk does not know).
  let table = db.schema.createTable('return_cost_months')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id')) as Table;
  for (const name of ['month', 'marketplace_code', 'sku', 'currency']) table = table.addColumn(name, 'text', (c) => c.notNull());
  for (const name of [
    // Settlement refund rows posted in the month, by the part they count in (a refund in two files once).
    'settled_refunds_minor', 'settled_fees_minor', 'settled_kept_minor',
    // The MFN report's refunded amounts of order lines without a settlement refund, by delivery (else request) month.
    'reported_refunds_minor',
    // MFN return labels the seller pays, by request month.
    'labels_minor',
    // FBA reimbursements naming an order, by approval month.
    'reimbursed_minor',
  ]) table = table.addColumn(name, 'bigint', (c) => c.notNull());
  // MFN cases the report says were delivered (by delivery month); FBA returns graded other than sellable (by return month).
  for (const name of ['delivered_units', 'unsellable_units']) table = table.addColumn(name, 'integer', (c) => c.notNull());
  await table.addPrimaryKeyConstraint('return_cost_months_pk', ['account_id', 'month', 'marketplace_code', 'sku', 'currency'] as never[]).execute();

  // A month's receipts by date (the units back in the seller's hands in that month).
  // Units returned per purchase month, marketplace and reason category: the reason Pareto of all of a
  // marketplace's returns (report causes) without reading every SKU's row (3 months: 48 ms → 1 ms).
  await db.schema.createTable('prevention_market_reasons')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('month', 'text', (c) => c.notNull()).addColumn('marketplace_code', 'text', (c) => c.notNull()).addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('prevention_market_reasons_pk', ['account_id', 'month', 'marketplace_code', 'reason'] as never[]).execute();

  await db.schema.createIndex('case_receipts_received').on('case_receipts').columns(['account_id', 'received_at']).execute();
  const weekCounts = ['shipped', 'returned_lag0', 'returned_lag1', 'returned_lag2', 'returned_lag3', 'returned_lag4'];
  await db.schema.createIndex('prevention_weeks_span').on('prevention_weeks').columns(['account_id', 'week', 'marketplace_code', 'sku', ...weekCounts]).execute();
  // One SKU's weeks (a listing fix's verdict) from an index alone too: beside the covering span index,
  // SQLite read them from that one instead of the SKU index (a fix's verdict: 0.2 → 5 ms).
  await db.schema.dropIndex('prevention_weeks_sku').execute();
  await db.schema.createIndex('prevention_weeks_sku').on('prevention_weeks').columns(['account_id', 'sku', 'week', 'marketplace_code', ...weekCounts]).execute();
  // The background of the buyers' words (report causes): the newest comments, from the rows that have one.
  await db.schema.createIndex('fba_returns_commented').on('fba_returns').columns(['account_id', 'return_date', 'sku'])
    .where(sql.ref('customer_comments'), '<>', '').execute();
  // Rollups built before this table have none of its rows: the next report or import builds them all again.
  await sql`delete from prevention_rollup_state`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('fba_returns_commented').execute();
  await db.schema.dropIndex('prevention_weeks_sku').execute();
  await db.schema.createIndex('prevention_weeks_sku').on('prevention_weeks').columns(['account_id', 'sku', 'week']).execute();
  await db.schema.dropIndex('case_receipts_received').execute();
  await db.schema.dropIndex('prevention_weeks_span').execute();
  await db.schema.dropTable('return_cost_months').execute();
  await db.schema.dropTable('prevention_market_reasons').execute();
}
