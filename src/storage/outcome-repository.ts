import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

/** A recorded outcome, with the case's SKU, product and reason category at the time. */
export interface StoredOutcome {
  readonly accountId: number;
  readonly caseId: number;
  readonly outcome: string;
  readonly step: number | null;
  readonly grade: string | null;
  readonly sku: string;
  readonly productCategory: string | null;
  readonly reasonCategory: string | null;
  readonly note: string | null;
  readonly recordedAt: string;
}

export async function insertOutcome(tx: Transaction, outcome: StoredOutcome): Promise<void> {
  await tx.db.insertInto('case_outcomes').values({
    account_id: outcome.accountId, case_id: outcome.caseId, outcome: outcome.outcome, step: outcome.step, grade: outcome.grade,
    sku: outcome.sku, product_category: outcome.productCategory, reason_category: outcome.reasonCategory,
    note: outcome.note, recorded_at: outcome.recordedAt,
  }).execute();
}

/** The outcomes recorded for one case, oldest first. */
export async function listCaseOutcomes(db: Kysely<Schema>, accountId: number, caseId: number): Promise<StoredOutcome[]> {
  const rows = await db.selectFrom('case_outcomes').selectAll()
    .where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    accountId: r.account_id, caseId: r.case_id, outcome: r.outcome, step: r.step, grade: r.grade, sku: r.sku,
    productCategory: r.product_category, reasonCategory: r.reason_category, note: r.note, recordedAt: r.recorded_at,
  }));
}

/** How many outcomes of each kind, step and grade the account has per SKU, product and reason category. */
export interface OutcomeCountRow {
  readonly sku: string;
  readonly productCategory: string | null;
  readonly reasonCategory: string | null;
  readonly outcome: string;
  readonly step: number | null;
  readonly grade: string | null;
  readonly count: number;
}

/** The account's outcome counts, grouped in the database (one row per group, not per outcome). */
export async function countOutcomes(db: Kysely<Schema>, accountId: number): Promise<OutcomeCountRow[]> {
  const rows = await db.selectFrom('case_outcomes')
    .select(['sku', 'product_category', 'reason_category', 'outcome', 'step', 'grade', sql<number>`count(*)`.as('n')])
    .where('account_id', '=', accountId)
    .groupBy(['sku', 'product_category', 'reason_category', 'outcome', 'step', 'grade'])
    .execute();
  return rows.map((r) => ({
    sku: r.sku, productCategory: r.product_category, reasonCategory: r.reason_category, outcome: r.outcome,
    step: r.step, grade: r.grade, count: Number(r.n),
  }));
}

/** Offer steps declined per case of the account (0-based), for cases still deciding. */
export async function listDeclinedSteps(db: Kysely<Schema>, accountId: number): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('case_outcomes').select(['case_id', 'step'])
    .where('account_id', '=', accountId).where('outcome', '=', 'offer-declined').where('step', 'is not', null).execute();
  const steps = new Map<number, number[]>();
  for (const row of rows) steps.set(row.case_id, [...(steps.get(row.case_id) ?? []), row.step!]);
  return steps;
}
