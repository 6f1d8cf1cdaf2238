import { DomainError } from '../domain/errors.js';
import { transition } from '../domain/lifecycle.js';
import { requireRecordable } from '../domain/refunds/refund-eligibility.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { findReturnCase, insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import { insertRefund, listCaseRefunds } from '../storage/refund-repository.js';
import { accountChain, recordChange } from './audit.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import { takeCaseOffCostRollup } from './prevention-rollups.js';
import { quoteCaseRefund } from './case-refund.js';
import type { CaseRefundQuote, RefundRequest } from './case-refund.js';
import type { Database } from './open-database.js';

export interface RecordedRefund extends CaseRefundQuote {
  readonly refundId: number;
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
  /** The case's version after the refund (an HTTP client's next If-Match). */
  readonly version: number;
}

/**
 * Records that the seller issued the quoted refund in Manage Returns: the quote as issued (lines, rules,
 * caps), the case moves to `refunded` with the amount, and the refund waits for the next adjustment
 * feed export; an audit entry `case.refund` lands in the same transaction. `conflict` for a case not yet
 * received, already refunded, or with a refund recorded, and for one that changed since
 * `guard.expectedVersion` or while it was quoted; errors of the quote as quoteCaseRefund. Nothing
 * changes on an error.
 */
export async function recordCaseRefund(
  database: Database, accountId: number, request: RefundRequest & { readonly recordedBy: string }, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<RecordedRefund> {
  const recordedBy = request.recordedBy.trim();
  if (recordedBy === '') throw new DomainError('invalid_input', 'Say who issued the refund.', {});
  const quoted = await quoteCaseRefund(database, accountId, request, nowIso);
  return database.transaction(async (tx) => {
    const returnCase = (await findReturnCase(tx.db, accountId, quoted.caseId))!;
    requireVersion(returnCase, guard.expectedVersion);
    // The quote was read outside this transaction: a receipt or inspection landing meanwhile would change it.
    requireVersion(returnCase, quoted.caseVersion);
    if ((await listCaseRefunds(tx.db, accountId, returnCase.id)).length > 0) {
      throw new DomainError('conflict', `Case ${returnCase.id} already has a refund recorded.`, { caseId: returnCase.id });
    }
    requireRecordable({ ...returnCase, currency: quoted.quote.currency });
    const { quote } = quoted;
    await takeCaseOffCostRollup(tx, accountId, returnCase.id, 'refunds');
    const refundId = await insertRefund(tx, {
      accountId, caseId: returnCase.id, totalMinor: quote.totalMinor, paidMinor: quote.paidMinor, currency: quote.currency,
      quote: { ...quote, orderItemId: quoted.orderItemId }, recordedBy, recordedAt: nowIso,
    });
    const status = transition(returnCase.status, 'refunded');
    const version = returnCase.version + 1;
    await updateCase(tx, { ...returnCase, status, refundedAt: nowIso, refundedMinor: quote.totalMinor, currency: quote.currency, version, updatedAt: nowIso }, returnCase.version);
    await insertCaseEvents(tx, [{
      caseId: returnCase.id, kind: 'refund', source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
      data: { refundId, totalMinor: quote.totalMinor, paidMinor: quote.paidMinor, currency: quote.currency, ruleIds: quote.ruleIds, recordedBy, status: { before: returnCase.status, after: status } },
    }]);
    await recordChange(tx, {
      chain: accountChain(accountId), actor: guard.actor ?? source, action: 'case.refund', subject: `case:${returnCase.id}`, at: nowIso,
      before: { status: returnCase.status, version: returnCase.version, refundedMinor: returnCase.refundedMinor, currency: returnCase.currency },
      after: {
        status, version, refundedMinor: quote.totalMinor, currency: quote.currency, refundId, paidMinor: quote.paidMinor, ruleIds: quote.ruleIds, recordedBy,
      },
    });
    return { ...quoted, refundId, statusBefore: returnCase.status, status, version };
  });
}
