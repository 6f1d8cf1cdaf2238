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

/** What an import did with a file's rows: every row is counted once. */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  unmapped: number;
}

export interface ImportRunCounts extends ImportCounts {
  sha256: string;
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

/** A finished import, as the history shows it (errors are counted here, listed per run). */
export interface ImportRun extends ImportCounts {
  id: number;
  fileName: string;
  sha256: string;
  reportType: string;
  encoding: string;
  marketplaceCode: string;
  startedAt: string;
  finishedAt: string | null;
}

/** The latest imports first. Failed imports leave no run: they changed nothing. */
export async function listImportRuns(db: Kysely<Schema>, accountId: number, limit: number, offset = 0): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_runs').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return rows.map((r) => ({
    id: r.id, fileName: r.file_name, sha256: r.sha256, reportType: r.report_type, encoding: r.encoding,
    marketplaceCode: r.marketplace_code, rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged,
    rejected: r.rejected, skipped: r.skipped, unmapped: r.unmapped, startedAt: r.started_at, finishedAt: r.finished_at,
  }));
}

/** How many import runs the account has made. */
export async function countImportRuns(db: Kysely<Schema>, accountId: number): Promise<number> {
  const row = await db.selectFrom('import_runs').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}
