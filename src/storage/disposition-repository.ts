import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

/** The route chosen for an inspected unit, what it was expected to bring and, once known, what it did. */
export interface StoredDisposition {
  readonly id: number;
  readonly accountId: number;
  readonly caseId: number;
  readonly inspectionId: number;
  readonly route: string;
  readonly recommendedRoute: string;
  readonly expectedNetMinor: number;
  readonly realizedMinor: number | null;
  readonly currency: string;
  /** Every route as priced when the choice was made. */
  readonly options: unknown;
  readonly note: string | null;
  readonly decidedBy: string;
  readonly recordedAt: string;
}

export async function insertDisposition(tx: Transaction, d: Omit<StoredDisposition, 'id'>): Promise<number> {
  const row = await tx.db.insertInto('dispositions').values({
    account_id: d.accountId, case_id: d.caseId, inspection_id: d.inspectionId, route: d.route, recommended_route: d.recommendedRoute,
    expected_net_minor: d.expectedNetMinor, realized_minor: d.realizedMinor, currency: d.currency, options: JSON.stringify(d.options),
    note: d.note, decided_by: d.decidedBy, recorded_at: d.recordedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The disposition recorded for an inspection, or undefined. */
export async function findDisposition(db: Kysely<Schema>, accountId: number, inspectionId: number): Promise<StoredDisposition | undefined> {
  const row = await db.selectFrom('dispositions').selectAll()
    .where('account_id', '=', accountId).where('inspection_id', '=', inspectionId).orderBy('id', 'desc').executeTakeFirst();
  return row && {
    id: row.id, accountId: row.account_id, caseId: row.case_id, inspectionId: row.inspection_id, route: row.route,
    recommendedRoute: row.recommended_route, expectedNetMinor: row.expected_net_minor, realizedMinor: row.realized_minor,
    currency: row.currency, options: JSON.parse(row.options) as unknown, note: row.note, decidedBy: row.decided_by, recordedAt: row.recorded_at,
  };
}

/** Sets what a recorded route brought once it is known (a liquidation pays out weeks later). */
export async function updateRealized(tx: Transaction, accountId: number, id: number, realizedMinor: number): Promise<void> {
  await tx.db.updateTable('dispositions').set({ realized_minor: realizedMinor }).where('account_id', '=', accountId).where('id', '=', id).execute();
}
