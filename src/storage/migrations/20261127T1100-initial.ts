import { PostgresAdapter, sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: this file must never import from src (later schema changes get a new migration).
// Conventions: ids are integers, money is integer minor units (`*_minor`, bigint) with a currency,
// times are UTC ISO-8601 text, booleans are integers 0/1 (the same on both dialects), closed sets are TEXT.

type Table = CreateTableBuilder<any, any>;

function withId(db: Kysely<any>, table: Table): Table {
  // PostgreSQL: an identity column owns a sequence the import reserves ids from in batches.
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

/**
 * Columns every imported report row carries: owner, natural key, and the file line it came from.
 * account_id and import_run_id carry no foreign key on these high-volume tables: the import writes them
 * itself in one transaction, and PostgreSQL checks each foreign key per row with a trigger, which cost
 * more than the COPY itself.
 */
function withReportRow(table: Table): Table {
  return table
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('marketplace_code', 'text', (c) => c.notNull());
}

async function createReportTable(db: Kysely<any>, name: string, build: (t: Table) => Table): Promise<void> {
  await build(withReportRow(withId(db, db.schema.createTable(name)))).execute();
  await db.schema.createIndex(`${name}_natural_key`).unique().on(name).columns(['account_id', 'natural_key']).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('seller_accounts'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into seller_accounts (id, name, created_at) values (1, 'Default account', ${new Date().toISOString()})`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select setval(pg_get_serial_sequence('seller_accounts', 'id'), 1)`.execute(db);
  }

  await db.schema.createTable('marketplaces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('amazon_id', 'text', (c) => c.notNull().unique())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('sales_channel', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('import_runs'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('report_type', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('marketplace_code', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unmapped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_runs_sha256').on('import_runs').columns(['account_id', 'sha256']).execute();

  await withId(db, db.schema.createTable('products'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('asin', 'text')
    .addColumn('fnsku', 'text')
    .addColumn('title', 'text')
    .addColumn('category', 'text')
    .addColumn('price_minor', 'bigint')
    .addColumn('unit_cost_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('weight_grams', 'integer')
    .addColumn('accessories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('import_run_id', 'integer', (c) => c.references('import_runs.id'))
    .addColumn('line', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_sku').unique().on('products').columns(['account_id', 'sku']).execute();

  await createReportTable(db, 'orders', (t) => t
    .addColumn('amazon_order_id', 'text', (c) => c.notNull())
    .addColumn('merchant_order_id', 'text')
    .addColumn('purchase_date', 'text', (c) => c.notNull())
    .addColumn('last_updated_date', 'text')
    .addColumn('order_status', 'text')
    .addColumn('fulfillment_channel', 'text')
    .addColumn('sales_channel', 'text')
    .addColumn('product_name', 'text')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('asin', 'text')
    .addColumn('item_status', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('item_price_minor', 'bigint')
    .addColumn('item_tax_minor', 'bigint')
    .addColumn('shipping_price_minor', 'bigint')
    .addColumn('shipping_tax_minor', 'bigint')
    .addColumn('item_promotion_discount_minor', 'bigint')
    .addColumn('ship_promotion_discount_minor', 'bigint')
    .addColumn('ship_country', 'text')
    .addColumn('is_business_order', 'integer'));
  await db.schema.createIndex('orders_order_id').on('orders').columns(['account_id', 'amazon_order_id']).execute();

  await withId(db, db.schema.createTable('return_cases'))
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('natural_key', 'text', (c) => c.notNull())
    .addColumn('marketplace_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('asin', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason_raw', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason_status', 'text', (c) => c.notNull())
    .addColumn('reason_category', 'text')
    .addColumn('fault', 'text', (c) => c.notNull())
    .addColumn('product_signal', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('refunded_at', 'text')
    .addColumn('amazon_rma_id', 'text')
    .addColumn('tracking_id', 'text')
    .addColumn('disposition', 'text')
    .addColumn('refunded_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_cases_natural_key').unique().on('return_cases').columns(['account_id', 'natural_key']).execute();
  await db.schema.createIndex('return_cases_status').on('return_cases').columns(['account_id', 'status']).execute();

  await withId(db, db.schema.createTable('return_case_events'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('return_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .addColumn('line', 'integer')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_case_events_case').on('return_case_events').columns(['case_id']).execute();

  await createReportTable(db, 'fba_returns', (t) => t
    .addColumn('case_id', 'integer', (c) => c.notNull().references('return_cases.id'))
    .addColumn('return_date', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('asin', 'text')
    .addColumn('fnsku', 'text')
    .addColumn('product_name', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('fulfillment_center_id', 'text')
    .addColumn('detailed_disposition', 'text')
    .addColumn('reason', 'text')
    .addColumn('status', 'text')
    .addColumn('license_plate_number', 'text', (c) => c.notNull())
    .addColumn('customer_comments', 'text'));
  await db.schema.createIndex('fba_returns_case').on('fba_returns').columns(['case_id']).execute();
  await db.schema.createIndex('fba_returns_lpn').on('fba_returns').columns(['account_id', 'license_plate_number']).execute();

  await createReportTable(db, 'mfn_returns', (t) => t
    .addColumn('case_id', 'integer', (c) => c.notNull().references('return_cases.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_date', 'text')
    .addColumn('return_request_date', 'text', (c) => c.notNull())
    .addColumn('return_request_status', 'text')
    .addColumn('amazon_rma_id', 'text', (c) => c.notNull())
    .addColumn('merchant_rma_id', 'text')
    .addColumn('label_type', 'text')
    .addColumn('label_cost_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('return_carrier', 'text')
    .addColumn('tracking_id', 'text')
    .addColumn('label_paid_by', 'text')
    .addColumn('a_to_z_claim', 'integer')
    .addColumn('is_prime', 'integer')
    .addColumn('asin', 'text')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text')
    .addColumn('return_quantity', 'integer', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('in_policy', 'integer')
    .addColumn('return_type', 'text')
    .addColumn('resolution', 'text')
    .addColumn('invoice_number', 'text')
    .addColumn('return_delivery_date', 'text')
    .addColumn('order_amount_minor', 'bigint')
    .addColumn('order_quantity', 'integer')
    .addColumn('safet_action_reason', 'text')
    .addColumn('safet_claim_id', 'text')
    .addColumn('safet_claim_state', 'text')
    .addColumn('safet_claim_creation_time', 'text')
    .addColumn('safet_claim_reimbursement_minor', 'bigint')
    .addColumn('refunded_amount_minor', 'bigint')
    .addColumn('order_item_id', 'text'));
  await db.schema.createIndex('mfn_returns_case').on('mfn_returns').columns(['case_id']).execute();

  await createReportTable(db, 'reimbursements', (t) => t
    .addColumn('approval_date', 'text', (c) => c.notNull())
    .addColumn('reimbursement_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('amazon_order_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('fnsku', 'text')
    .addColumn('asin', 'text')
    .addColumn('product_name', 'text')
    .addColumn('condition', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_per_unit_minor', 'bigint')
    .addColumn('amount_total_minor', 'bigint', (c) => c.notNull())
    .addColumn('quantity_reimbursed_cash', 'integer', (c) => c.notNull())
    .addColumn('quantity_reimbursed_inventory', 'integer', (c) => c.notNull())
    .addColumn('quantity_reimbursed_total', 'integer', (c) => c.notNull())
    .addColumn('original_reimbursement_id', 'text')
    .addColumn('original_reimbursement_type', 'text'));
  await db.schema.createIndex('reimbursements_order').on('reimbursements').columns(['account_id', 'amazon_order_id']).execute();

  await createReportTable(db, 'removals', (t) => t
    .addColumn('request_date', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_type', 'text')
    .addColumn('service_speed', 'text')
    .addColumn('order_status', 'text')
    .addColumn('last_updated_date', 'text')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('fnsku', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('requested_quantity', 'integer', (c) => c.notNull())
    .addColumn('cancelled_quantity', 'integer', (c) => c.notNull())
    .addColumn('disposed_quantity', 'integer', (c) => c.notNull())
    .addColumn('shipped_quantity', 'integer', (c) => c.notNull())
    .addColumn('in_process_quantity', 'integer', (c) => c.notNull())
    .addColumn('removal_fee_minor', 'bigint')
    .addColumn('currency', 'text'));

  await createReportTable(db, 'settlement_refunds', (t) => t
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('merchant_order_id', 'text')
    .addColumn('adjustment_id', 'text', (c) => c.notNull())
    .addColumn('marketplace_name', 'text')
    .addColumn('amount_type', 'text', (c) => c.notNull())
    .addColumn('amount_description', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('posted_date', 'text', (c) => c.notNull())
    .addColumn('order_item_code', 'text', (c) => c.notNull())
    .addColumn('merchant_adjustment_item_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('quantity_purchased', 'integer'));
  await db.schema.createIndex('settlement_refunds_order').on('settlement_refunds').columns(['account_id', 'order_id']).execute();

  // A changed report row (orders, reimbursements, ...) keeps its history here, before and after.
  await withId(db, db.schema.createTable('record_changes'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The initial migration cannot be reverted: restore a backup instead.');
}
