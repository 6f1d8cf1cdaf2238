import { parseOutcome, requireOutcomeFits, statusAfterOutcome } from '../domain/decisions/outcomes.js';
import type { Outcome, OutcomeText } from '../domain/decisions/outcomes.js';
import { DomainError } from '../domain/errors.js';
import { transition } from '../domain/lifecycle.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { findDecisionFacts } from '../storage/decision-facts-repository.js';
import { insertOutcome } from '../storage/outcome-repository.js';
import { insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import { accountChain, recordChange } from './audit.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

export interface RecordedOutcome {
  readonly caseId: number;
  readonly outcome: Outcome;
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
  /** The case's version after the outcome (an HTTP client's next If-Match). */
  readonly version: number;
}

/**
 * Records what happened to a case (an offer accepted or declined, the grade found) so later decisions
 * learn from it, and appends it to the case's history. An accepted offer ends the request (the buyer
 * keeps the item). Steps are checked against the policy in force. `not_found` for a case of another
 * account, `invalid_input` for an unknown outcome, step or grade, `conflict` for an outcome that does
 * not fit the case's state; nothing is written then.
 */
export async function recordOutcome(
  database: Database, accountId: number, caseId: number, text: OutcomeText, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<RecordedOutcome> {
  const { policy } = await showPolicy(database, accountId);
  const outcome = parseOutcome(text, policy.saveOfferLadderBps.length);
  return database.transaction(async (tx) => {
    const facts = await findDecisionFacts(tx.db, accountId, caseId);
    if (!facts) throw new DomainError('not_found', `There is no return case ${caseId}.`, { id: caseId });
    const { returnCase } = facts;
    requireVersion(returnCase, guard.expectedVersion);
    requireOutcomeFits(outcome, returnCase);
    await insertOutcome(tx, {
      accountId, caseId, outcome: outcome.kind, step: outcome.step ?? null, grade: outcome.grade ?? null, sku: returnCase.sku,
      productCategory: facts.product?.category ?? null, reasonCategory: returnCase.reason.category, note: outcome.note ?? null, recordedAt: nowIso,
    });
    const next = statusAfterOutcome(outcome, returnCase.status);
    // Every change to a case moves its version on, the status or not: a client holding the old one learns it changed.
    const status = next === returnCase.status ? next : transition(returnCase.status, next);
    await updateCase(tx, { ...returnCase, status, version: returnCase.version + 1, updatedAt: nowIso }, returnCase.version);
    await insertCaseEvents(tx, [{
      caseId, kind: 'outcome', source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
      data: { outcome: outcome.kind, step: outcome.step === undefined ? null : outcome.step + 1, grade: outcome.grade ?? null, note: outcome.note ?? null, status: { before: returnCase.status, after: next } },
    }]);
    await recordChange(tx, {
      chain: accountChain(accountId), actor: guard.actor ?? source, action: 'case.outcome', subject: `case:${caseId}`, at: nowIso,
      before: { status: returnCase.status, version: returnCase.version },
      after: { status: next, version: returnCase.version + 1, outcome: outcome.kind, step: outcome.step ?? null, grade: outcome.grade ?? null, note: outcome.note ?? null },
    });
    return { caseId, outcome, statusBefore: returnCase.status, status: next, version: returnCase.version + 1 };
  });
}
