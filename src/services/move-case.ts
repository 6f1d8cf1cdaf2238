import { statusAfterMove } from '../domain/case-moves.js';
import type { CaseMove } from '../domain/case-moves.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import { accountChain, recordChange } from './audit.js';
import { findReferencedCase } from './case-reference.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import type { Database } from './open-database.js';

export interface CaseMoveRequest {
  readonly to: CaseMove;
  /** Why, for the history: the close reason picked in Seller Central, say. */
  readonly note?: string;
}

export interface MovedCase {
  readonly caseId: number;
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
  /** The case's version after the move (an HTTP client's next If-Match). */
  readonly version: number;
}

/**
 * Records that a request was authorized or closed in Manage Returns: moves the case's status and
 * version on, appends a `status` event to its history and writes `case.status` to the audit log (actor:
 * `guard.actor`, else `source`). An FBA case cannot be authorized; an illegal move is
 * `illegal_transition`; a case changed since `guard.expectedVersion` is `conflict`; nothing is written then.
 */
export async function moveCase(
  database: Database, accountId: number, caseId: number, request: CaseMoveRequest, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<MovedCase> {
  const note = request.note?.trim() || null;
  return database.transaction(async (tx) => {
    const { returnCase } = await findReferencedCase(tx, accountId, { caseId });
    requireVersion(returnCase, guard.expectedVersion);
    const status = statusAfterMove(request.to, returnCase);
    const version = returnCase.version + 1;
    await updateCase(tx, { ...returnCase, status, version, updatedAt: nowIso }, returnCase.version);
    await insertCaseEvents(tx, [{
      caseId, kind: 'status', source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
      data: { status: { before: returnCase.status, after: status }, note },
    }]);
    await recordChange(tx, {
      chain: accountChain(accountId), actor: guard.actor ?? source, action: 'case.status', subject: `case:${caseId}`, at: nowIso,
      before: { status: returnCase.status, version: returnCase.version }, after: { status, version, note },
    });
    return { caseId, statusBefore: returnCase.status, status, version };
  });
}
