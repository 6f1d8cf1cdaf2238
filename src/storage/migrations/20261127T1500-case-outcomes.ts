import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

// Frozen in time: this file must never import from src. What agents record about a return's outcome
// (an offer accepted or declined, the grade found at inspection), with the SKU, product category and
// reason category as they were then, so the decision engine learns from the seller's own history.

export async function up(db: Kysely<any>): Promise<void> {
  const table = db.schema.createTable('case_outcomes');
  const withId = db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
  await withId
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('return_cases.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('step', 'integer')
    .addColumn('grade', 'text')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('product_category', 'text')
    .addColumn('reason_category', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_outcomes_case').on('case_outcomes').columns(['account_id', 'case_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_outcomes').execute();
}
