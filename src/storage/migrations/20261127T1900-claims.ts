import { PostgresAdapter } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: this file must never import from src. Claims ReturnDesk found (money Amazon owes on
// returns: SAFE-T, FBA reimbursements) with what proves them, and what the seller did about each.

type Table = CreateTableBuilder<string, never>;

function withId(db: Kysely<any>, name: string): Table {
  const table = db.schema.createTable(name) as Table;
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, 'claims')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('claim_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('marketplace_code', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('owed_minor', 'bigint', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('computation', 'text', (c) => c.notNull())
    .addColumn('window_rule', 'text')
    .addColumn('window_from', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('proof', 'text', (c) => c.notNull())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text')
    .addColumn('recovered_minor', 'bigint')
    .addColumn('resolved_at', 'text')
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('seen_run', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_key').unique().on('claims').columns(['account_id', 'claim_key']).execute();
  await db.schema.createIndex('claims_status').on('claims').columns(['account_id', 'status']).execute();

  await withId(db, 'claim_events')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claim_events_claim').on('claim_events').columns(['account_id', 'claim_id']).execute();

  // The reconciliation reads every report row of an order: these tables had no (account, order) index.
  await db.schema.createIndex('fba_returns_order').on('fba_returns').columns(['account_id', 'order_id']).execute();
  await db.schema.createIndex('mfn_returns_order').on('mfn_returns').columns(['account_id', 'order_id']).execute();
  await db.schema.createIndex('return_cases_order').on('return_cases').columns(['account_id', 'order_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['fba_returns_order', 'mfn_returns_order', 'return_cases_order']) await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('claim_events').execute();
  await db.schema.dropTable('claims').execute();
}
