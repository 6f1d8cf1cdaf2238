import type { Database } from '../storage/database.js';
import { countImportRuns, listImportRuns } from '../storage/import-run-repository.js';
import type { ImportRun } from '../storage/import-run-repository.js';

export type { ImportRun };

/** A page of the import history: `limit` runs after the `offset` latest. */
export interface ImportPage {
  readonly limit: number;
  readonly offset?: number;
}

/** The import history of an account, latest first: a page of it and how many runs there are in all. */
export async function listImports(database: Database, accountId: number, page: ImportPage): Promise<{ items: ImportRun[]; total: number }> {
  const [items, total] = await Promise.all([
    listImportRuns(database.db, accountId, page.limit, page.offset ?? 0),
    countImportRuns(database.db, accountId),
  ]);
  return { items, total };
}
