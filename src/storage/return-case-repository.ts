import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { DomainError } from '../domain/errors.js';
import { caseKey } from '../domain/return-case.js';
import type { ReturnCase } from '../domain/return-case.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import type { Fault, ReasonCategory, ReasonClassification } from '../domain/reasons.js';
import { isAnyOf } from './dialect.js';
import { reusedQuery } from './reused-query.js';
import type { CellValue } from './dialect.js';
import type { Transaction } from './database.js';
import type { ReturnCaseRow, Schema } from './schema.js';

/** An entry of a case's append-only history. */
export interface CaseEvent {
  caseId: number;
  kind: string;
  /** Where the change came from: `import:fba-returns`, later `user:42`, `sp-api`... */
  source: string;
  importRunId: number | null;
  line: number | null;
  occurredAt: string;
  recordedAt: string;
  data: unknown;
}

const caseColumns = [
  'id', 'account_id', 'natural_key', 'marketplace_code', 'channel', 'order_id', 'sku', 'asin', 'status', 'quantity',
  'reason_raw', 'reason_code', 'reason_status', 'reason_category', 'fault', 'product_signal', 'requested_at',
  'received_at', 'refunded_at', 'amazon_rma_id', 'tracking_id', 'disposition', 'refunded_minor', 'currency',
  'version', 'created_at', 'updated_at',
] as const;

const eventColumns = ['id', 'case_id', 'kind', 'source', 'import_run_id', 'line', 'occurred_at', 'recorded_at', 'data'] as const;

export async function findCasesByKeys(tx: Transaction, accountId: number, keys: readonly string[]): Promise<Map<string, ReturnCase>> {
  const found = new Map<string, ReturnCase>();
  if (keys.length === 0) return found;
  const rows = await tx.db.selectFrom('return_cases').selectAll()
    .where('account_id', '=', accountId)
    .where(isAnyOf(tx.dialect, 'natural_key', keys))
    .execute();
  for (const row of rows) found.set(row.natural_key, toReturnCase(row));
  return found;
}

export async function insertCases(tx: Transaction, cases: readonly ReturnCase[]): Promise<void> {
  await tx.bulk.insert('return_cases', caseColumns, cases.map((c) => {
    const row = toRow(c);
    return caseColumns.map((column) => row[column]);
  }));
}

/**
 * Writes a changed case, guarded by its version: if someone else changed the case since it was read,
 * nothing is written and a `conflict` error rolls the whole transaction back.
 */
export async function updateCase(tx: Transaction, next: ReturnCase, readVersion: number): Promise<void> {
  const { id: _id, account_id: _account, natural_key: _key, created_at: _created, ...changes } = toRow(next);
  const result = await tx.db.updateTable('return_cases').set(changes)
    .where('id', '=', next.id).where('version', '=', readVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError('conflict', `Return case ${next.id} was changed by someone else meanwhile; try again.`, { caseId: next.id });
  }
}

export async function insertCaseEvents(tx: Transaction, events: readonly CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = await tx.bulk.reserveIds('return_case_events', events.length);
  await tx.bulk.insert('return_case_events', eventColumns, events.map((e, i) => [
    ids[i] ?? null, e.caseId, e.kind, e.source, e.importRunId, e.line, e.occurredAt, e.recordedAt, JSON.stringify(e.data),
  ]));
}

export interface CaseListFilter {
  accountId: number;
  status?: ReturnStatus;
  channel?: string;
  marketplaceCode?: string;
  sku?: string;
  orderId?: string;
  reasonCategory?: string;
  fault?: string;
  /** Requested on or after this instant, and before `requestedBefore` (ISO-8601 UTC). */
  requestedFrom?: string;
  requestedBefore?: string;
  limit: number;
  offset: number;
}

/** A page of cases, newest request first, with the total for the filter. */
export async function listReturnCases(db: Kysely<Schema>, filter: CaseListFilter): Promise<{ items: ReturnCase[]; total: number }> {
  let query = db.selectFrom('return_cases').where('account_id', '=', filter.accountId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.marketplaceCode) query = query.where('marketplace_code', '=', filter.marketplaceCode);
  if (filter.sku) query = query.where('sku', '=', filter.sku);
  if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
  if (filter.reasonCategory) query = query.where('reason_category', '=', filter.reasonCategory);
  if (filter.fault) query = query.where('fault', '=', filter.fault);
  if (filter.requestedFrom) query = query.where('requested_at', '>=', filter.requestedFrom);
  if (filter.requestedBefore) query = query.where('requested_at', '<', filter.requestedBefore);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toReturnCase), total: Number(count.n) };
}

/** One case of the account, or undefined. */
const caseById = reusedQuery((db: Kysely<Schema>, accountId: number, id: number) =>
  db.selectFrom('return_cases').selectAll().where('account_id', '=', accountId).where('id', '=', id));

export async function findReturnCase(db: Kysely<Schema>, accountId: number, id: number): Promise<ReturnCase | undefined> {
  const [row] = await caseById(db, accountId, id);
  return row ? toReturnCase(row) : undefined;
}

/** A case's history, oldest first. */
const eventsOfCase = reusedQuery((db: Kysely<Schema>, caseId: number) =>
  db.selectFrom('return_case_events').selectAll().where('case_id', '=', caseId).orderBy('id'));

export async function listCaseEvents(db: Kysely<Schema>, caseId: number): Promise<CaseEvent[]> {
  const rows = await eventsOfCase(db, caseId);
  return rows.map((r) => ({
    caseId: r.case_id, kind: r.kind, source: r.source, importRunId: r.import_run_id, line: r.line,
    occurredAt: r.occurred_at, recordedAt: r.recorded_at, data: JSON.parse(r.data) as unknown,
  }));
}

/** The stored reason columns of a case as its classification. */
export function reasonOf(row: Pick<ReturnCaseRow, 'reason_raw' | 'reason_code' | 'reason_status' | 'reason_category' | 'fault' | 'product_signal'>): ReasonClassification {
  return {
    raw: row.reason_raw,
    code: row.reason_code,
    status: row.reason_status as ReasonClassification['status'],
    category: row.reason_category as ReasonCategory | null,
    fault: row.fault as Fault,
    productSignal: row.product_signal === 1,
  };
}

/** A stored row as a domain case. */
export function toReturnCase(row: ReturnCaseRow): ReturnCase {
  const reason = reasonOf(row);
  return {
    id: row.id, accountId: row.account_id, marketplaceCode: row.marketplace_code, channel: row.channel as ReturnCase['channel'],
    orderId: row.order_id, sku: row.sku, asin: row.asin, status: row.status as ReturnStatus, quantity: row.quantity, reason,
    requestedAt: row.requested_at, receivedAt: row.received_at, refundedAt: row.refunded_at, amazonRmaId: row.amazon_rma_id,
    trackingId: row.tracking_id, disposition: row.disposition, refundedMinor: row.refunded_minor, currency: row.currency,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toRow(c: ReturnCase): Record<(typeof caseColumns)[number], CellValue> & ReturnCaseRow {
  return {
    id: c.id, account_id: c.accountId, natural_key: caseKey(c.orderId, c.sku), marketplace_code: c.marketplaceCode,
    channel: c.channel, order_id: c.orderId, sku: c.sku, asin: c.asin, status: c.status, quantity: c.quantity,
    reason_raw: c.reason.raw, reason_code: c.reason.code, reason_status: c.reason.status,
    reason_category: c.reason.category, fault: c.reason.fault, product_signal: c.reason.productSignal ? 1 : 0,
    requested_at: c.requestedAt, received_at: c.receivedAt, refunded_at: c.refundedAt, amazon_rma_id: c.amazonRmaId,
    tracking_id: c.trackingId, disposition: c.disposition, refunded_minor: c.refundedMinor, currency: c.currency,
    version: c.version, created_at: c.createdAt, updated_at: c.updatedAt,
  };
}
