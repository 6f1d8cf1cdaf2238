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
import { accountChain, recordChange } from './audit.js';
import { findReferencedCase } from './case-reference.js';
import type { CaseReference } from './case-reference.js';
import { requireVersion } from './case-versions.js';
import type { CaseWriteGuard } from './case-versions.js';
import { storeEvidenceFile } from './evidence-store.js';
import type { EvidenceStoreConfig, StoredEvidence } from './evidence-store.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

export interface InspectionRequest {
  /** Case id, RMA id, tracking number, order id or license plate; or exactly one case id. */
  readonly identifier: CaseReference;
  readonly inspectedBy: string;
  /** The checklist answers as given (flags, a JSON body): checked by the domain. */
  readonly answers: unknown;
  /**
   * Photos and videos to attach, as paths on this machine (the name kept is the path's last part), or
   * as a path with the name the uploader gave it (an upload's temporary file). Names never reach the store's paths.
   */
  readonly evidenceFiles?: readonly (string | EvidenceFile)[];
}

export interface EvidenceFile {
  readonly path: string;
  readonly fileName: string;
}

export type InspectionEvidence = StoredEvidence & { readonly fileName: string };

export interface InspectedReturn extends InspectionResult {
  readonly caseId: number;
  readonly inspectionId: number;
  readonly productCategory: string | null;
  readonly evidence: readonly InspectionEvidence[];
  readonly statusBefore: ReturnStatus;
  readonly status: ReturnStatus;
  /** The case's version after the inspection (an HTTP client's next If-Match). */
  readonly version: number;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const evidenceFileOf = (file: string | EvidenceFile): EvidenceFile => (typeof file === 'string' ? { path: file, fileName: baseName(file) } : file);

async function requireUninspected(tx: Transaction, accountId: number, returnCase: ReturnCase): Promise<number> {
  const receipt = await findLatestReceipt(tx.db, accountId, returnCase.id);
  if (!receipt) throw new DomainError('conflict', `Case ${returnCase.id} was never received: record its receipt first (returndesk receive).`, { caseId: returnCase.id });
  const earlier = await findLatestInspection(tx.db, accountId, returnCase.id);
  if (earlier && earlier.receiptId === receipt.id) {
    throw new DomainError('conflict', `Case ${returnCase.id} was already inspected (${earlier.grade}, by ${earlier.inspectedBy} at ${earlier.inspectedAt}).`, { caseId: returnCase.id, inspectionId: earlier.id });
  }
  return receipt.id;
}

/** The case as it is inside the transaction, refused when it moved past the version the change was made on. */
async function currentCase(tx: Transaction, accountId: number, caseId: number, guard: CaseWriteGuard): Promise<ReturnCase> {
  const { returnCase } = await findReferencedCase(tx, accountId, { caseId });
  requireVersion(returnCase, guard.expectedVersion);
  return returnCase;
}

interface Graded {
  readonly returnCase: ReturnCase;
  readonly productCategory: string | null;
  readonly answers: unknown;
  readonly result: InspectionResult;
}

/**
 * Records the inspection of a received unit: grades it from the checklist (the product category's
 * checklist in the policy in force; accessories from the product sheet), stores the evidence files by
 * SHA-256, moves a seller-fulfilled case to `inspected`, records the grade as an outcome so later
 * decisions learn from it, moves the case's version on and writes `case.inspected` to the audit log
 * (actor: `guard.actor`, else the inspector's name). Bad answers, evidence of the wrong type or size,
 * an unknown case, a case never received, already inspected or changed since `guard.expectedVersion`:
 * a specific error, and nothing is recorded. (Evidence files are stored before the database is
 * written; one stored when a later file is refused stays on disk unreferenced, which costs space but
 * never points a case at the wrong file.)
 */
export async function inspectReturn(
  database: Database, accountId: number, request: InspectionRequest, store: EvidenceStoreConfig, nowIso: string, source = 'cli', guard: CaseWriteGuard = {},
): Promise<InspectedReturn> {
  const inspectedBy = request.inspectedBy.trim();
  if (inspectedBy === '') throw new DomainError('invalid_input', 'Say who inspected the unit.', {});
  const graded = await gradeUnit(database, accountId, request);
  const caseId = graded.returnCase.id;
  // Checked before any file is stored: a refused inspection leaves nothing behind.
  await database.transaction(async (tx) => requireUninspected(tx, accountId, await currentCase(tx, accountId, caseId, guard)));
  const evidence: InspectionEvidence[] = [];
  for (const file of (request.evidenceFiles ?? []).map(evidenceFileOf)) evidence.push({ ...(await storeEvidenceFile(store, file.path, nowIso)), fileName: file.fileName });
  return database.transaction(async (tx) => {
    const returnCase = await currentCase(tx, accountId, caseId, guard);
    const receiptId = await requireUninspected(tx, accountId, returnCase);
    return recordInspection(tx, { ...graded, returnCase }, { accountId, receiptId, inspectedBy, evidence, nowIso, source, actor: guard.actor ?? inspectedBy });
  });
}

async function gradeUnit(database: Database, accountId: number, request: InspectionRequest): Promise<Graded> {
  const answers = parseInspectionAnswers(request.answers);
  const { policy } = await showPolicy(database, accountId);
  const { returnCase } = await findReferencedCase(database, accountId, request.identifier);
  const product = await findProduct(database.db, accountId, returnCase.sku);
  const productCategory = product?.category ?? null;
  const result = gradeInspection(answers, { checklistPolicy: policy.inspectionChecklists, productCategory, expectedAccessories: product?.accessories ?? [] });
  return { returnCase, productCategory, answers, result };
}

interface InspectionWrite {
  readonly accountId: number;
  readonly receiptId: number;
  readonly inspectedBy: string;
  readonly evidence: readonly InspectionEvidence[];
  readonly nowIso: string;
  readonly source: string;
  readonly actor: string;
}

async function recordInspection(tx: Transaction, graded: Graded, write: InspectionWrite): Promise<InspectedReturn> {
  const { returnCase, productCategory, answers, result } = graded;
  const { accountId, receiptId, inspectedBy, evidence, nowIso } = write;
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
  const version = returnCase.version + 1;
  await updateCase(tx, { ...returnCase, status, version, updatedAt: nowIso }, returnCase.version);
  await insertOutcome(tx, {
    accountId, caseId: returnCase.id, outcome: 'graded', step: null, grade: result.conditionGrade, sku: returnCase.sku,
    productCategory, reasonCategory: returnCase.reason.category, note: `inspection ${inspectionId}: ${result.grade}`, recordedAt: nowIso,
  });
  const shas = evidence.map((e) => e.sha256);
  await insertCaseEvents(tx, [{
    caseId: returnCase.id, kind: 'inspected', source: write.source, importRunId: null, line: null, occurredAt: nowIso, recordedAt: nowIso,
    data: { inspectionId, inspectedBy, grade: result.grade, ruleId: result.ruleId, findings: result.findings, evidence: shas, status: { before: returnCase.status, after: status } },
  }]);
  await recordChange(tx, {
    chain: accountChain(accountId), actor: write.actor, action: 'case.inspected', subject: `case:${returnCase.id}`, at: nowIso,
    before: { status: returnCase.status, version: returnCase.version },
    after: { status, version, inspectionId, grade: result.grade, ruleId: result.ruleId, inspectedBy, evidence: shas },
  });
  return { ...result, caseId: returnCase.id, inspectionId, productCategory, evidence, statusBefore: returnCase.status, status, version };
}
