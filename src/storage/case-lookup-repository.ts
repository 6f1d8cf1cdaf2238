import type { Kysely } from 'kysely';
import type { ReturnCase } from '../domain/return-case.js';
import { toReturnCase } from './return-case-repository.js';
import type { Schema } from './schema.js';

/** Which identifier of a case a lookup matched. */
export const caseIdentifierKinds = ['case_id', 'rma_id', 'tracking_id', 'order_id', 'license_plate'] as const;
export type CaseIdentifierKind = (typeof caseIdentifierKinds)[number];

export interface CaseMatch {
  readonly returnCase: ReturnCase;
  readonly matchedOn: CaseIdentifierKind;
}

/**
 * The account's cases a warehouse person's scan or typed text can name: the case id, Amazon's RMA
 * id, the return tracking number, the order id, or an FBA license plate number (from the FBA returns
 * report). Every match is returned, most specific first, so the caller can tell one case from an
 * order with several lines.
 */
export async function findCasesByIdentifier(db: Kysely<Schema>, accountId: number, identifier: string): Promise<CaseMatch[]> {
  const matches: CaseMatch[] = [];
  const seen = new Set<number>();
  const add = (rows: readonly Parameters<typeof toReturnCase>[0][], matchedOn: CaseIdentifierKind) => {
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      matches.push({ returnCase: toReturnCase(row), matchedOn });
    }
  };
  const cases = db.selectFrom('return_cases').selectAll().where('account_id', '=', accountId);
  if (/^\d{1,15}$/.test(identifier)) add(await cases.where('id', '=', Number(identifier)).execute(), 'case_id');
  add(await cases.where('amazon_rma_id', '=', identifier).orderBy('id').execute(), 'rma_id');
  add(await cases.where('tracking_id', '=', identifier).orderBy('id').execute(), 'tracking_id');
  const plates = await db.selectFrom('fba_returns').select('case_id')
    .where('account_id', '=', accountId).where('license_plate_number', '=', identifier).execute();
  if (plates.length > 0) add(await cases.where('id', 'in', plates.map((p) => p.case_id)).orderBy('id').execute(), 'license_plate');
  add(await cases.where('order_id', '=', identifier).orderBy('id').execute(), 'order_id');
  return matches;
}
