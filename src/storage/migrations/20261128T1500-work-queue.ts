import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

// Frozen in time: this file must never import from src. The work queue's index (docs/decisions.md,
// "The queue index"): one entry per open seller-fulfilled case with its first clock and the fields the
// queue sorts and filters by, so a queue page is an index range instead of deciding every open case.
//
// The entries are computed by the application (a clock needs the policy and the business calendar), on
// the first queue read of an account, never here. Triggers mark what changed: a case (any write to an
// MFN case), its MFN report row (its price) or a product (the price of every open case of its SKU). A
// mark commits with the change that made it, even from a transaction that runs for minutes (an
// import), so a queue read folds in exactly the committed changes, on any number of server processes.

const dirtyTables = ['queue_dirty_cases', 'queue_dirty_skus'] as const;

async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('queue_entries')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('marketplace_code', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('reason_category', 'text')
    .addColumn('fault', 'text', (c) => c.notNull())
    // The due time of the clock that ends first (UTC ISO-8601, all of one width), null when none runs.
    .addColumn('due_at', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    // Null when the price is unknown; at_stake_order sorts it as 0, as the queue always did.
    .addColumn('at_stake_minor', 'bigint')
    .addColumn('at_stake_order', 'bigint', (c) => c.notNull())
    .execute();
  // Most urgent first within a range of due times: a page is a walk along this index. With the
  // marketplace it also covers the read of every due time the counts are made from.
  await sql`create index queue_entries_due on queue_entries (account_id, due_at, at_stake_order desc, case_id, marketplace_code)`.execute(db);
  await db.schema.createIndex('queue_entries_sku').on('queue_entries').columns(['account_id', 'sku']).execute();

  // One row per account: the policy version its entries were computed under, and a generation every
  // fold moves on (a server caches what it derived from the entries until the generation moves).
  await db.schema.createTable('queue_state')
    .addColumn('account_id', 'integer', (c) => c.primaryKey())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();

  // `stamp` moves on with every mark, so a mark made while a fold runs is never taken for the one it read.
  await db.schema.createTable('queue_dirty_cases')
    .addColumn('case_id', 'integer', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('stamp', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('queue_dirty_cases_account').on('queue_dirty_cases').columns(['account_id']).execute();
  await db.schema.createTable('queue_dirty_skus')
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('stamp', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_dirty_skus_pk', ['account_id', 'sku'])
    .execute();
}

const markCase = (id: string) => `insert into queue_dirty_cases (case_id, account_id, stamp) values (${id}, new.account_id, 1)
  on conflict (case_id) do update set stamp = queue_dirty_cases.stamp + 1;`;
const markSku = `insert into queue_dirty_skus (account_id, sku, stamp) values (new.account_id, new.sku, 1)
  on conflict (account_id, sku) do update set stamp = queue_dirty_skus.stamp + 1;`;

// Which writes mark what: [trigger, table, event, condition, mark].
const marks = [
  ['queue_mark_case_insert', 'return_cases', 'insert', `new.channel = 'MFN'`, markCase('new.id')],
  ['queue_mark_case_update', 'return_cases', 'update', `new.channel = 'MFN' or old.channel = 'MFN'`, markCase('new.id')],
  ['queue_mark_mfn_insert', 'mfn_returns', 'insert', null, markCase('new.case_id')],
  ['queue_mark_mfn_update', 'mfn_returns', 'update', null, markCase('new.case_id')],
  ['queue_mark_product_insert', 'products', 'insert', null, markSku],
  ['queue_mark_product_update', 'products', 'update', null, markSku],
] as const;

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  for (const [name, table, event, condition, mark] of marks) {
    await sql.raw(`create trigger ${name} after ${event} on ${table} for each row ${condition ? `when ${condition} ` : ''}begin ${mark} end`).execute(db);
  }
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  for (const [name, table, event, condition, mark] of marks) {
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${mark} return null; end $$`).execute(db);
    await sql.raw(`create trigger ${name} after ${event} on ${table} for each row ${condition ? `when (${condition}) ` : ''}execute function ${name}()`).execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await createTables(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, table] of marks) {
    await sql.raw(postgres ? `drop trigger if exists ${name} on ${table}` : `drop trigger if exists ${name}`).execute(db);
    if (postgres) await sql.raw(`drop function if exists ${name}()`).execute(db);
  }
  for (const table of [...dirtyTables, 'queue_state', 'queue_entries']) await db.schema.dropTable(table).ifExists().execute();
}
