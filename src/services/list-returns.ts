import type { ReturnStatus } from '../domain/lifecycle.js';
import type { ReturnCase } from '../domain/return-case.js';
import type { Database } from '../storage/database.js';
import { DomainError } from '../domain/errors.js';
import { findReturnCase, listCaseEvents, listReturnCases } from '../storage/return-case-repository.js';
import type { CaseEvent } from '../storage/return-case-repository.js';

export type { CaseEvent };

export interface ReturnListQuery {
  accountId: number;
  status?: ReturnStatus;
  channel?: 'FBA' | 'MFN';
  marketplace?: string;
  sku?: string;
  orderId?: string;
  reasonCategory?: string;
  fault?: string;
  /** Requested on or after this day (YYYY-MM-DD, UTC), and on or before `requestedTo`. */
  requestedFrom?: string;
  requestedTo?: string;
  limit: number;
  offset: number;
}

/** The instant after a UTC day ends: `requestedTo` counts its whole day. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** A page of return cases, newest request first, and how many match in all. */
export async function listReturns(database: Database, query: ReturnListQuery): Promise<{ items: ReturnCase[]; total: number }> {
  return listReturnCases(database.db, {
    accountId: query.accountId, status: query.status, channel: query.channel, marketplaceCode: query.marketplace,
    sku: query.sku, orderId: query.orderId, reasonCategory: query.reasonCategory, fault: query.fault,
    requestedFrom: query.requestedFrom && `${query.requestedFrom}T00:00:00.000Z`, requestedBefore: query.requestedTo && dayAfter(query.requestedTo),
    limit: query.limit, offset: query.offset,
  });
}

/** A case with its timeline; a case of another account, or none, is `not_found`. */
export async function showReturn(database: Database, accountId: number, id: number): Promise<{ returnCase: ReturnCase; events: CaseEvent[] }> {
  const returnCase = await findReturnCase(database.db, accountId, id);
  if (!returnCase) throw new DomainError('not_found', `There is no return case ${id}.`, { id });
  return { returnCase, events: await listCaseEvents(database.db, id) };
}
