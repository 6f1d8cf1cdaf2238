import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

export interface ImportRunStart {
  accountId: number;
  fileName: string;
  reportType: string;
  encoding: string;
  marketplaceCode: string;
  startedAt: string;
}

export interface ImportRunCounts {
  sha256: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  unmapped: number;
  errors: unknown[];
  finishedAt: string;
}

export async function createImportRun(tx: Transaction, start: ImportRunStart): Promise<number> {
  const row = await tx.db.insertInto('import_runs').values({
    account_id: start.accountId, file_name: start.fileName, sha256: '', report_type: start.reportType,
    encoding: start.encoding, marketplace_code: start.marketplaceCode, started_at: start.startedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImportRun(tx: Transaction, id: number, counts: ImportRunCounts): Promise<void> {
  await tx.db.updateTable('import_runs').set({
    sha256: counts.sha256, rows: counts.rows, inserted: counts.inserted, updated: counts.updated,
    unchanged: counts.unchanged, rejected: counts.rejected, skipped: counts.skipped, unmapped: counts.unmapped,
    errors: JSON.stringify(counts.errors), finished_at: counts.finishedAt,
  }).where('id', '=', id).execute();
}

export async function listImportRuns(db: Kysely<Schema>, accountId: number, limit: number) {
  return db.selectFrom('import_runs').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(limit).execute();
}
