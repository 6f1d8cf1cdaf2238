import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

// Frozen in time: this file must never import from src. A seller policy is stored as versioned JSON:
// every apply that changes the content adds a version; the highest version is the one in force.

export async function up(db: Kysely<any>): Promise<void> {
  const table = db.schema.createTable('policies');
  const withId = db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
  await withId
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policies_account_version').unique().on('policies').columns(['account_id', 'version']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policies').execute();
}
