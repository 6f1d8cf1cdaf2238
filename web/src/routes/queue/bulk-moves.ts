import { isApiError } from '../../api/client.js';
import type { CaseMove } from '../../api/cases.js';

// One Manage Returns move recorded for several requests at once: each on the version the queue showed
// (a case changed since is refused, not changed blind), one after another so the server's write lock
// is never queued behind a burst, every case's result kept.

export type BulkResult =
  | { readonly caseId: number; readonly outcome: 'done' }
  | { readonly caseId: number; readonly outcome: 'conflict' }
  | { readonly caseId: number; readonly outcome: 'refused'; readonly message: string };

export interface BulkTarget {
  readonly caseId: number;
  readonly version: number;
}

type Record = (caseId: number, move: CaseMove, version: number) => Promise<unknown>;

/** Records `move` for each target in turn; `onProgress` hears how many are done. */
export async function runBulkMoves(targets: readonly BulkTarget[], move: CaseMove, record: Record, onProgress: (done: number) => void = () => {}): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const { caseId, version } of targets) {
    try {
      await record(caseId, move, version);
      results.push({ caseId, outcome: 'done' });
    } catch (error) {
      if (isApiError(error, 'conflict')) results.push({ caseId, outcome: 'conflict' });
      else results.push({ caseId, outcome: 'refused', message: error instanceof Error ? error.message : String(error) });
    }
    onProgress(results.length);
  }
  return results;
}
