import type { ReturnStatus } from '../domain/lifecycle.js';
import type { ReturnCase } from '../domain/return-case.js';
import type { Database } from '../storage/database.js';
import { listCaseEvents, listReturnCases } from '../storage/return-case-repository.js';

export interface ReturnListQuery {
  accountId: number;
  status?: ReturnStatus;
  channel?: 'FBA' | 'MFN';
  marketplace?: string;
  sku?: string;
  limit: number;
  offset: number;
}

/** A page of return cases, newest request first, and how many match in all. */
export async function listReturns(database: Database, query: ReturnListQuery): Promise<{ items: ReturnCase[]; total: number }> {
  return listReturnCases(database.db, {
    accountId: query.accountId, status: query.status, channel: query.channel, marketplaceCode: query.marketplace,
    sku: query.sku, limit: query.limit, offset: query.offset,
  });
}

export async function listReturnEvents(database: Database, caseId: number) {
  return listCaseEvents(database.db, caseId);
}
