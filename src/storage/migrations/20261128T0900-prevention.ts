import { PostgresAdapter, sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: this file must never import from src. Prevention analytics (issue 6,
// docs/prevention.md): rollups of units shipped and returned that imports keep current, so rates,
// causes and spikes read thousands of rows instead of millions; and the seller's log of listing fixes.

type Table = CreateTableBuilder<string, never>;

function withId(db: Kysely<any>, name: string): Table {
  const table = db.schema.createTable(name) as Table;
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

const accountColumn = (table: Table) => table.addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'));
const text = (table: Table, name: string) => table.addColumn(name, 'text', (c) => c.notNull());
const count = (table: Table, name: string) => table.addColumn(name, 'integer', (c) => c.notNull());

export async function up(db: Kysely<any>): Promise<void> {
  // An account's rollups exist once built in full; from then on every import refreshes what it touched.
  // returns_through: the latest day a return was asked for in the imported reports (YYYY-MM-DD): weeks
  // and months after it have not had their returns imported yet, whatever the calendar says.
  await text(accountColumn(db.schema.createTable('prevention_rollup_state') as Table), 'built_at').addColumn('returns_through', 'text')
    .addPrimaryKeyConstraint('prevention_rollup_state_pk', ['account_id'] as never[]).execute();

  // Units shipped per purchase month (UTC), marketplace, SKU, ASIN ('' when the report gave none) and
  // fulfilment ('fba', 'mfn', '' when unknown: the FBA returns fee counts FBA units only).
  let months = accountColumn(db.schema.createTable('prevention_months') as Table);
  for (const name of ['month', 'marketplace_code', 'sku', 'asin', 'fulfillment']) months = text(months, name);
  await count(months, 'shipped').addPrimaryKeyConstraint('prevention_months_pk', ['account_id', 'month', 'marketplace_code', 'sku', 'asin', 'fulfillment']).execute();

  // Units returned per purchase month of their order line ('' when the All Orders report has none),
  // the order line's marketplace and fulfilment, and SKU; by reason category and by party at fault as
  // JSON objects of units ({"size_fit": 3}): one row per SKU and month, where a row per reason and
  // party made six times as many for a month's rates to read (analytics bench: 51,000 rows, 150 ms).
  let returns = accountColumn(db.schema.createTable('prevention_month_returns') as Table);
  for (const name of ['month', 'marketplace_code', 'sku', 'fulfillment']) returns = text(returns, name);
  returns = count(returns, 'units');
  for (const name of ['by_reason', 'by_fault']) returns = text(returns, name);
  await returns.addPrimaryKeyConstraint('prevention_month_returns_pk', ['account_id', 'month', 'marketplace_code', 'sku', 'fulfillment'] as never[]).execute();

  // Per purchase week (the Monday, UTC), marketplace and SKU: units shipped, and units returned by how
  // many whole weeks after the week's Monday the return was asked for (0 to 4; later returns are not
  // kept here): spikes and fix verdicts compare weeks with the same follow-up.
  let weeks = accountColumn(db.schema.createTable('prevention_weeks') as Table);
  for (const name of ['week', 'marketplace_code', 'sku']) weeks = text(weeks, name);
  for (const name of ['shipped', 'returned_lag0', 'returned_lag1', 'returned_lag2', 'returned_lag3', 'returned_lag4']) weeks = count(weeks, name);
  await (weeks as Table).addPrimaryKeyConstraint('prevention_weeks_pk', ['account_id', 'week', 'marketplace_code', 'sku'] as never[]).execute();
  // A listing fix reads one SKU's weeks.
  await db.schema.createIndex('prevention_weeks_sku').on('prevention_weeks').columns(['account_id', 'sku', 'week']).execute();

  // Settlement refund rows summed per posted month (UTC), marketplace, SKU ('' when none), currency,
  // amount type and description, each refund counted once when it sits in two settlement files: the
  // cost of returns reads these instead of millions of settlement rows.
  let settled = accountColumn(db.schema.createTable('settlement_refund_months') as Table);
  for (const name of ['month', 'marketplace_code', 'sku', 'currency', 'amount_type', 'amount_description']) settled = text(settled, name);
  await settled.addColumn('amount_minor', 'bigint', (c) => c.notNull()).addPrimaryKeyConstraint('settlement_refund_months_pk',
    ['account_id', 'month', 'marketplace_code', 'sku', 'currency', 'amount_type', 'amount_description'] as never[]).execute();
  await db.schema.createIndex('settlement_refunds_posted').on('settlement_refunds').columns(['account_id', 'posted_date']).execute();

  // The cost of returns reads a month of each source by its date (storage/return-cost-repository.ts).
  await db.schema.createIndex('mfn_returns_requested').on('mfn_returns').columns(['account_id', 'return_request_date']).execute();
  await sql`create index mfn_returns_refund_month on mfn_returns (account_id, (coalesce(return_delivery_date, return_request_date)))`.execute(db);
  // Covering: a month of FBA returns by disposition without a table read per row (52,000 rows: 254 → 122 ms).
  await db.schema.createIndex('fba_returns_date').on('fba_returns')
    .columns(['account_id', 'return_date', 'case_id', 'marketplace_code', 'sku', 'detailed_disposition', 'quantity']).execute();
  await db.schema.createIndex('reimbursements_approved').on('reimbursements').columns(['account_id', 'approval_date']).execute();
  await db.schema.createIndex('return_cases_received').on('return_cases').columns(['account_id', 'channel', 'received_at']).execute();
  // Whether an order line has a settlement refund, from the index alone (an MFN refund counts only when not).
  await db.schema.createIndex('settlement_refunds_order_sku').on('settlement_refunds').columns(['account_id', 'order_id', 'sku']).execute();

  // Rollups are refreshed by purchase month: the order lines of a month, read by date.
  await db.schema.createIndex('orders_purchase_date').on('orders').columns(['account_id', 'purchase_date']).execute();
  // A problem SKU's buyer comments, newest first (report causes).
  await db.schema.createIndex('fba_returns_sku_date').on('fba_returns').columns(['account_id', 'sku', 'return_date']).execute();

  await withId(db, 'listing_fixes')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('marketplace_code', 'text')
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('listing_fixes_sku').on('listing_fixes').columns(['account_id', 'sku']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('listing_fixes').execute();
  await db.schema.dropIndex('fba_returns_sku_date').execute();
  await db.schema.dropIndex('settlement_refunds_posted').execute();
  for (const index of ['mfn_returns_requested', 'mfn_returns_refund_month', 'fba_returns_date', 'reimbursements_approved', 'return_cases_received',
    'settlement_refunds_order_sku']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('settlement_refund_months').execute();
  await db.schema.dropIndex('orders_purchase_date').execute();
  for (const table of ['prevention_weeks', 'prevention_month_returns', 'prevention_months', 'prevention_rollup_state']) {
    await db.schema.dropTable(table).execute();
  }
}
