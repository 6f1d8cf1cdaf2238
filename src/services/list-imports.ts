import type { Database } from '../storage/database.js';
import { listImportRuns } from '../storage/import-run-repository.js';
import type { ImportRun } from '../storage/import-run-repository.js';

export type { ImportRun };

/** A page of the import history: `limit` runs after the `offset` latest. */
export interface ImportPage {
  readonly limit: number;
  readonly offset?: number;
}

/** The import history of an account, latest first. */
export async function listImports(database: Database, accountId: number, page: number | ImportPage): Promise<ImportRun[]> {
  const { limit, offset = 0 } = typeof page === 'number' ? { limit: page } : page;
  // The repository reads the latest runs only; skipping the first `offset` here is cheap because an
  // account makes a few runs a day, and callers bound the offset.
  return (await listImportRuns(database.db, accountId, offset + limit)).slice(offset);
}
