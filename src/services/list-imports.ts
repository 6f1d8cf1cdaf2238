import type { Database } from '../storage/database.js';
import { listImportRuns } from '../storage/import-run-repository.js';
import type { ImportRun } from '../storage/import-run-repository.js';

export type { ImportRun };

/** The import history of an account, latest first. */
export async function listImports(database: Database, accountId: number, limit: number): Promise<ImportRun[]> {
  return listImportRuns(database.db, accountId, limit);
}
