import type { Kysely, Selectable } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

/** A parcel's arrival at the seller's warehouse. */
export interface CaseReceipt {
  readonly id: number;
  readonly accountId: number;
  readonly caseId: number;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly outerBox: string;
  readonly note: string | null;
  readonly recordedAt: string;
}

/** An inspection of a received unit: the checklist answers and the grade they led to. */
export interface StoredInspection {
  readonly id: number;
  readonly accountId: number;
  readonly caseId: number;
  readonly receiptId: number;
  readonly productCategory: string | null;
  readonly answers: unknown;
  readonly grade: string;
  readonly ruleId: string;
  readonly conditionGrade: string;
  readonly inspectedBy: string;
  readonly inspectedAt: string;
}

/** An evidence file attached to a case (and its inspection): the bytes live in the evidence store under `sha256`. */
export interface StoredEvidence {
  readonly id: number;
  readonly accountId: number;
  readonly caseId: number;
  readonly inspectionId: number | null;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly kind: string;
  readonly fileName: string | null;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export async function insertReceipt(tx: Transaction, receipt: Omit<CaseReceipt, 'id'>): Promise<number> {
  const row = await tx.db.insertInto('case_receipts').values({
    account_id: receipt.accountId, case_id: receipt.caseId, received_at: receipt.receivedAt, received_by: receipt.receivedBy,
    outer_box: receipt.outerBox, note: receipt.note, recorded_at: receipt.recordedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The latest receipt of a case, or undefined when the parcel was never received. */
export async function findLatestReceipt(db: Kysely<Schema>, accountId: number, caseId: number): Promise<CaseReceipt | undefined> {
  const row = await db.selectFrom('case_receipts').selectAll()
    .where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirst();
  return row && {
    id: row.id, accountId: row.account_id, caseId: row.case_id, receivedAt: row.received_at, receivedBy: row.received_by,
    outerBox: row.outer_box, note: row.note, recordedAt: row.recorded_at,
  };
}

export async function insertInspection(tx: Transaction, inspection: Omit<StoredInspection, 'id'>): Promise<number> {
  const row = await tx.db.insertInto('inspections').values({
    account_id: inspection.accountId, case_id: inspection.caseId, receipt_id: inspection.receiptId,
    product_category: inspection.productCategory, answers: JSON.stringify(inspection.answers), grade: inspection.grade,
    rule_id: inspection.ruleId, condition_grade: inspection.conditionGrade, inspected_by: inspection.inspectedBy,
    inspected_at: inspection.inspectedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The latest inspection of a case, or undefined. */
export async function findLatestInspection(db: Kysely<Schema>, accountId: number, caseId: number): Promise<StoredInspection | undefined> {
  const row = await db.selectFrom('inspections').selectAll()
    .where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirst();
  return row && {
    id: row.id, accountId: row.account_id, caseId: row.case_id, receiptId: row.receipt_id, productCategory: row.product_category,
    answers: JSON.parse(row.answers) as unknown, grade: row.grade, ruleId: row.rule_id, conditionGrade: row.condition_grade,
    inspectedBy: row.inspected_by, inspectedAt: row.inspected_at,
  };
}

export async function insertEvidence(tx: Transaction, evidence: Omit<StoredEvidence, 'id'>): Promise<number> {
  const row = await tx.db.insertInto('evidence_files').values({
    account_id: evidence.accountId, case_id: evidence.caseId, inspection_id: evidence.inspectionId, sha256: evidence.sha256,
    size_bytes: evidence.sizeBytes, media_type: evidence.mediaType, kind: evidence.kind, file_name: evidence.fileName,
    uploaded_by: evidence.uploadedBy, uploaded_at: evidence.uploadedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The evidence attached to a case, oldest first. */
export async function listCaseEvidence(db: Kysely<Schema>, accountId: number, caseId: number): Promise<StoredEvidence[]> {
  const rows = await db.selectFrom('evidence_files').selectAll()
    .where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(toStoredEvidence);
}

/** The first record of a file with this content in the account, or undefined: what decides whether the account may download it. */
export async function findAccountEvidence(db: Kysely<Schema>, accountId: number, sha256: string): Promise<StoredEvidence | undefined> {
  const row = await db.selectFrom('evidence_files').selectAll()
    .where('account_id', '=', accountId).where('sha256', '=', sha256).orderBy('id').limit(1).executeTakeFirst();
  return row && toStoredEvidence(row);
}

function toStoredEvidence(row: Selectable<Schema['evidence_files']>): StoredEvidence {
  return ({
    id: row.id, accountId: row.account_id, caseId: row.case_id, inspectionId: row.inspection_id, sha256: row.sha256,
    sizeBytes: row.size_bytes, mediaType: row.media_type, kind: row.kind, fileName: row.file_name,
    uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at,
  });
}
