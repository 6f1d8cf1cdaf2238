import { DomainError } from '../domain/errors.js';
import { formatInstant, parseInstant } from '../domain/deadlines/instant.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { parseOuterBox, statusAfterReceipt } from '../domain/receiving/receipt.js';
import type { OuterBoxState } from '../domain/receiving/receipt.js';
import { findLatestReceipt, insertReceipt } from '../storage/inspection-repository.js';
import { takeCaseOffCostRollup } from './prevention-rollups.js';
import { insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import { accountChain, recordChange } from './audit.js';
import { caseDeadlines } from './case-deadlines.js';
import type { CaseDeadline } from './case-deadlines.js';
import { findReferencedCase } from './case-reference.js';
import type { CaseReference } from './case-reference.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import { loadDecisionContext } from './decision-context.js';
import type { CaseIdentifierKind } from './find-case.js';
import type { Database } from './open-database.js';

export interface ReceiptRequest {
  /** Case id, RMA id, tracking number, order id or license plate, as scanned; or exactly one case id. */
  readonly identifier: CaseReference;
  /** When the parcel arrived (ISO-8601); default: now. */
  readonly receivedAt?: string;
  /** Who received it, as the record shows it (the audit log names the user or token that sent it). */
  readonly receivedBy: string;
  readonly outerBox: string;
  readonly note?: string;
}

export interface ReceivedReturn {
  readonly caseId: number;
  readonly receiptId: number;
  readonly matchedOn: CaseIdentifierKind;
  readonly outerBox: OuterBoxState;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
  /** The case's version after the receipt (an HTTP client's next If-Match). */
  readonly version: number;
  /** The clocks now running (the refund is due 2 business days after receipt), soonest first. */
  readonly deadlines: readonly CaseDeadline[];
}

/** The receipt time as stored (UTC); a time after `nowIso` is refused: nobody receives a parcel tomorrow. */
function requireReceivedAt(receivedAt: string, nowIso: string): string {
  const instant = parseInstant(receivedAt);
  if (instant > parseInstant(nowIso)) throw new DomainError('invalid_input', `The receipt time ${receivedAt} is in the future.`, { receivedAt });
  return formatInstant(instant);
}

/**
 * Records that a returned parcel arrived: who received it, when, and the state of the outer box. A
 * seller-fulfilled case moves to `received`, which starts the refund clock (2 business days, in the
 * marketplace's calendar); a case Amazon refunded at the first scan stays refunded. The case's version
 * moves on and the audit log gets `case.received` (actor: `guard.actor`, else the receiver's name).
 * Errors change nothing: `not_found`/`conflict` from the lookup, `conflict` for a parcel already
 * received, a case that ended or one changed since `guard.expectedVersion`, `invalid_input` for a bad
 * time, box state or missing name.
 */
export async function receiveReturn(
  database: Database, accountId: number, request: ReceiptRequest, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<ReceivedReturn> {
  const outerBox = parseOuterBox(request.outerBox);
  const receivedBy = request.receivedBy.trim();
  if (receivedBy === '') throw new DomainError('invalid_input', 'Say who received the parcel.', {});
  const receivedAt = requireReceivedAt(request.receivedAt ?? nowIso, nowIso);
  const note = request.note ?? null;
  const context = await loadDecisionContext(database, accountId);
  return database.transaction(async (tx) => {
    const { returnCase, matchedOn } = await findReferencedCase(tx, accountId, request.identifier);
    requireVersion(returnCase, guard.expectedVersion);
    const earlier = await findLatestReceipt(tx.db, accountId, returnCase.id);
    if (earlier) {
      throw new DomainError('conflict', `Case ${returnCase.id}'s parcel was already received (${earlier.receivedAt}, by ${earlier.receivedBy}).`, { caseId: returnCase.id, receiptId: earlier.id });
    }
    const status = statusAfterReceipt(returnCase.channel, returnCase.status);
    const next = { ...returnCase, status, receivedAt: returnCase.receivedAt ?? receivedAt, version: returnCase.version + 1, updatedAt: nowIso };
    await takeCaseOffCostRollup(tx, accountId, returnCase.id, 'case_receipts');
    await updateCase(tx, next, returnCase.version);
    const receiptId = await insertReceipt(tx, { accountId, caseId: returnCase.id, receivedAt, receivedBy, outerBox, note, recordedAt: nowIso });
    await insertCaseEvents(tx, [{
      caseId: returnCase.id, kind: 'received', source, importRunId: null, line: null, occurredAt: receivedAt, recordedAt: nowIso,
      data: { receiptId, receivedBy, outerBox, note, matchedOn, status: { before: returnCase.status, after: status } },
    }]);
    await recordChange(tx, {
      chain: accountChain(accountId), actor: guard.actor ?? receivedBy, action: 'case.received', subject: `case:${returnCase.id}`, at: nowIso,
      before: { status: returnCase.status, receivedAt: returnCase.receivedAt, version: returnCase.version },
      after: { status, receivedAt: next.receivedAt, version: next.version, receiptId, receivedBy, outerBox, note },
    });
    return {
      caseId: returnCase.id, receiptId, matchedOn, outerBox, receivedAt, receivedBy, statusBefore: returnCase.status, status, version: next.version,
      deadlines: caseDeadlines(next, context),
    };
  });
}
