import { DomainError } from '../domain/errors.js';
import { gradeInspection } from '../domain/inspection/grade.js';
import type { InspectionResult } from '../domain/inspection/grade.js';
import { parseInspectionAnswers } from '../domain/inspection/parse-answers.js';
import { statusAfterInspection } from '../domain/inspection/inspection-status.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import type { ReturnCase } from '../domain/return-case.js';
import { findLatestInspection, findLatestReceipt, insertEvidence, insertInspection } from '../storage/inspection-repository.js';
import { insertOutcome } from '../storage/outcome-repository.js';
import { findProduct } from '../storage/product-repository.js';
import { insertCaseEvents, updateCase } from '../storage/return-case-repository.js';
import type { Transaction } from '../storage/database.js';
import { storeEvidenceFile } from './evidence-store.js';
import type { EvidenceStoreConfig, StoredEvidence } from './evidence-store.js';
import { resolveCase } from './find-case.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

export interface InspectionRequest {
  /** Case id, RMA id, tracking number, order id or license plate. */
  readonly identifier: string;
  readonly inspectedBy: string;
  /** The checklist answers as given (flags, a JSON body): checked by the domain. */
  readonly answers: unknown;
  /** Photos and videos to attach, as paths on this machine; their names never reach the store's paths. */
  readonly evidenceFiles?: readonly string[];
}

export interface InspectedReturn extends InspectionResult {
  readonly caseId: number;
  readonly inspectionId: number;
  readonly productCategory: string | null;
  readonly evidence: readonly (StoredEvidence & { readonly fileName: string })[];
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

async function requireUninspected(tx: Transaction, accountId: number, returnCase: ReturnCase): Promise<number> {
  const receipt = await findLatestReceipt(tx.db, accountId, returnCase.id);
  if (!receipt) throw new DomainError('conflict', `Case ${returnCase.id} was never received: record its receipt first (returndesk receive).`, { caseId: returnCase.id });
  const earlier = await findLatestInspection(tx.db, accountId, returnCase.id);
  if (earlier && earlier.receiptId === receipt.id) {
    throw new DomainError('conflict', `Case ${returnCase.id} was already inspected (${earlier.grade}, by ${earlier.inspectedBy} at ${earlier.inspectedAt}).`, { caseId: returnCase.id, inspectionId: earlier.id });
  }
  return receipt.id;
}

/**
 * Records the inspection of a received unit: grades it from the checklist (the product category's
 * checklist in the policy in force; accessories from the product sheet), stores the evidence files by
 * SHA-256, moves a seller-fulfilled case to `inspected`, and records the grade as an outcome so later
 * decisions learn from it. Bad answers, evidence of the wrong type or size, an unknown case, a case
 * never received or already inspected: a specific error, and nothing is recorded. (Evidence files
 * are stored before the database is written; one stored when a later file is refused stays on disk
 * unreferenced, which costs space but never points a case at the wrong file.)
 */
export async function inspectReturn(database: Database, accountId: number, request: InspectionRequest, store: EvidenceStoreConfig, nowIso: string, source = 'cli'): Promise<InspectedReturn> {
  const inspectedBy = request.inspectedBy.trim();
  if (inspectedBy === '') throw new DomainError('invalid_input', 'Say who inspected the unit.', {});
  const answers = parseInspectionAnswers(request.answers);
  const { policy } = await showPolicy(database, accountId);
  const { returnCase } = await resolveCase(database, accountId, request.identifier);
  const product = await findProduct(database.db, accountId, returnCase.sku);
  const productCategory = product?.category ?? null;
  const result = gradeInspection(answers, { checklistPolicy: policy.inspectionChecklists, productCategory, expectedAccessories: product?.accessories ?? [] });
  await database.transaction(async (tx) => requireUninspected(tx, accountId, returnCase));
  const evidence: (StoredEvidence & { fileName: string })[] = [];
  for (const path of request.evidenceFiles ?? []) evidence.push({ ...(await storeEvidenceFile(store, path, nowIso)), fileName: baseName(path) });
  return database.transaction(async (tx) => {
    const receiptId = await requireUninspected(tx, accountId, returnCase);
    const inspectionId = await insertInspection(tx, {
      accountId, caseId: returnCase.id, receiptId, productCategory, answers, grade: result.grade, ruleId: result.ruleId,
      conditionGrade: result.conditionGrade, inspectedBy, inspectedAt: nowIso,
    });
    for (const file of evidence) {
      await insertEvidence(tx, {
        accountId, caseId: returnCase.id, inspectionId, sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType,
        kind: file.kind, fileName: file.fileName, uploadedBy: inspectedBy, uploadedAt: nowIso,
      });
    }
    const status = statusAfterInspection(returnCase.channel, returnCase.status);
    await updateCase(tx, { ...returnCase, status, version: returnCase.version + 1, updatedAt: nowIso }, returnCase.version);
    await insertOutcome(tx, {
      accountId, caseId: returnCase.id, outcome: 'graded', step: null, grade: result.conditionGrade, sku: returnCase.sku,
      productCategory, reasonCategory: returnCase.reason.category, note: `inspection ${inspectionId}: ${result.grade}`, recordedAt: nowIso,
    });
    await insertCaseEvents(tx, [{
      caseId: returnCase.id, kind: 'inspected', source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
      data: { inspectionId, inspectedBy, grade: result.grade, ruleId: result.ruleId, findings: result.findings, evidence: evidence.map((e) => e.sha256), status: { before: returnCase.status, after: status } },
    }]);
    return { ...result, caseId: returnCase.id, inspectionId, productCategory, evidence, statusBefore: returnCase.status, status };
  });
}
