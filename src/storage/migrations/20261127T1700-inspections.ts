import { PostgresAdapter } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time: this file must never import from src. What happens when a parcel comes back
// (issue 4): its receipt, the inspection and its grade, the evidence files (stored on disk by SHA-256;
// these rows say which case they belong to and who uploaded them), the route chosen for the unit and
// the refunds recorded for the case.

type Table = CreateTableBuilder<string, never>;

function withId(db: Kysely<any>, name: string): Table {
  const table = db.schema.createTable(name) as Table;
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

function ofCase(table: Table): Table {
  return table
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('return_cases.id'));
}

export async function up(db: Kysely<any>): Promise<void> {
  await ofCase(withId(db, 'case_receipts'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('outer_box', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_receipts_case').on('case_receipts').columns(['account_id', 'case_id']).execute();

  await ofCase(withId(db, 'inspections'))
    .addColumn('receipt_id', 'integer', (c) => c.notNull().references('case_receipts.id'))
    .addColumn('product_category', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('condition_grade', 'text', (c) => c.notNull())
    .addColumn('inspected_by', 'text', (c) => c.notNull())
    .addColumn('inspected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_case').on('inspections').columns(['account_id', 'case_id']).execute();

  await ofCase(withId(db, 'evidence_files'))
    .addColumn('inspection_id', 'integer', (c) => c.references('inspections.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_files_case').on('evidence_files').columns(['account_id', 'case_id']).execute();

  await ofCase(withId(db, 'dispositions'))
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('recommended_route', 'text', (c) => c.notNull())
    .addColumn('expected_net_minor', 'bigint', (c) => c.notNull())
    .addColumn('realized_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispositions_case').on('dispositions').columns(['account_id', 'case_id']).execute();

  await ofCase(withId(db, 'refunds'))
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('paid_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text')
    .execute();
  await db.schema.createIndex('refunds_case').on('refunds').columns(['account_id', 'case_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['refunds', 'dispositions', 'evidence_files', 'inspections', 'case_receipts']) {
    await db.schema.dropTable(table).execute();
  }
}
