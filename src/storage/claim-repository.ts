import type { Kysely, Selectable } from 'kysely';
import type { ClaimCandidate, ClaimKind, ClaimStatus, ClaimWindow } from '../domain/claims/claim.js';
import type { Transaction } from './database.js';
import type { CellValue } from './dialect.js';
import type { ClaimRow, Schema } from './schema.js';

/** A claim as stored: what was found, and where it stands. */
export interface StoredClaim extends ClaimCandidate {
  readonly id: number;
  readonly status: ClaimStatus;
  readonly filedAt: string | null;
  readonly recoveredMinor: number | null;
  readonly resolvedAt: string | null;
  readonly foundAt: string;
  readonly updatedAt: string;
}

function toClaim(row: Selectable<ClaimRow>): StoredClaim {
  const window: ClaimWindow | null = row.window_rule === null ? null : {
    ruleId: row.window_rule as ClaimWindow['ruleId'], fromIso: row.window_from!, opensAt: row.opens_at!, closesAt: row.closes_at!,
  };
  return {
    id: row.id, kind: row.kind as ClaimKind, key: row.claim_key, marketplaceCode: row.marketplace_code, currency: row.currency,
    orderId: row.order_id, sku: row.sku, caseId: row.case_id, units: row.units, owedMinor: row.owed_minor,
    components: JSON.parse(row.components) as ClaimCandidate['components'], computation: row.computation, window,
    proof: JSON.parse(row.proof) as ClaimCandidate['proof'], ids: JSON.parse(row.ids) as ClaimCandidate['ids'],
    status: row.status as ClaimStatus, filedAt: row.filed_at, recoveredMinor: row.recovered_minor, resolvedAt: row.resolved_at,
    foundAt: row.found_at, updatedAt: row.updated_at,
  };
}

// What a reconciliation rewrites on every run; status and what the seller recorded are never touched.
function foundColumns(c: ClaimCandidate) {
  return {
    kind: c.kind, marketplace_code: c.marketplaceCode, currency: c.currency, order_id: c.orderId, sku: c.sku, case_id: c.caseId,
    units: c.units, owed_minor: c.owedMinor, components: JSON.stringify(c.components), computation: c.computation,
    window_rule: c.window?.ruleId ?? null, window_from: c.window?.fromIso ?? null, opens_at: c.window?.opensAt ?? null,
    closes_at: c.window?.closesAt ?? null, proof: JSON.stringify(c.proof), ids: JSON.stringify(c.ids),
  };
}

/**
 * Stores a page of candidates found by reconciliation `runId`: new ones as `open`, known ones (same key)
 * refreshed with what the data says now, keeping their status. Returns how many were new.
 */
export async function upsertClaims(tx: Transaction, accountId: number, candidates: readonly ClaimCandidate[], nowIso: string, runId: string): Promise<number> {
  if (candidates.length === 0) return 0;
  const known = await tx.db.selectFrom('claims').select(['id', 'claim_key']).where('account_id', '=', accountId)
    .where('claim_key', 'in', candidates.map((c) => c.key)).execute();
  const idByKey = new Map(known.map((k) => [k.claim_key, k.id]));
  const fresh: Record<string, CellValue>[] = [];
  for (const candidate of candidates) {
    const id = idByKey.get(candidate.key);
    if (id !== undefined) {
      await tx.db.updateTable('claims').set({ ...foundColumns(candidate), seen_at: nowIso, seen_run: runId }).where('id', '=', id).execute();
      continue;
    }
    fresh.push({
      ...foundColumns(candidate), account_id: accountId, claim_key: candidate.key, status: 'open', filed_at: null, recovered_minor: null,
      resolved_at: null, found_at: nowIso, seen_at: nowIso, seen_run: runId, updated_at: nowIso,
    });
  }
  // The bulk writer, not one Kysely insert per claim: a first reconciliation inserts tens of thousands
  // (78,694 in npm run bench:reconcile, 6.4 s one by one).
  if (fresh.length > 0) {
    const columns = Object.keys(fresh[0]!);
    await tx.bulk.insert('claims', columns, fresh.map((row) => columns.map((column) => row[column] ?? null)));
  }
  return fresh.length;
}

/**
 * Keeps the claims of orders a reconciliation could not read (a malformed row): nothing proves them
 * settled, so they count as seen by run `runId`.
 */
export async function keepClaimsOfOrders(tx: Transaction, accountId: number, orders: readonly { marketplaceCode: string; orderId: string }[], runId: string): Promise<void> {
  for (const order of orders) {
    await tx.db.updateTable('claims').set({ seen_run: runId })
      .where('account_id', '=', accountId).where('marketplace_code', '=', order.marketplaceCode).where('order_id', '=', order.orderId).execute();
  }
}

/**
 * After reconciliation `runId`: open claims it did not find are removed (the data now settles them, e.g.
 * Amazon reimbursed on its own), and open claims whose window closed before `nowIso` become `expired`.
 * Claims the seller acted on (filed, won, lost) stay whatever the data says.
 */
export async function settleAfterReconcile(tx: Transaction, accountId: number, nowIso: string, runId: string): Promise<{ removed: number; expired: number }> {
  const removed = await tx.db.deleteFrom('claims').where('account_id', '=', accountId).where('status', '=', 'open').where('seen_run', '<>', runId).executeTakeFirst();
  // Instants are stored as UTC ISO-8601 with milliseconds, so text order is time order.
  const expired = await tx.db.updateTable('claims').set({ status: 'expired', updated_at: nowIso })
    .where('account_id', '=', accountId).where('status', '=', 'open').where('closes_at', '<', nowIso).executeTakeFirst();
  return { removed: Number(removed.numDeletedRows), expired: Number(expired.numUpdatedRows) };
}

export interface ClaimFilter {
  readonly status?: ClaimStatus;
}

export async function listClaims(db: Kysely<Schema>, accountId: number, filter: ClaimFilter = {}): Promise<StoredClaim[]> {
  let query = db.selectFrom('claims').selectAll().where('account_id', '=', accountId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('closes_at').orderBy('id').execute();
  return rows.map(toClaim);
}

export async function findClaim(db: Kysely<Schema>, accountId: number, id: number): Promise<StoredClaim | undefined> {
  const row = await db.selectFrom('claims').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row && toClaim(row);
}

/** Sets what the seller recorded about a claim, with an event saying so. */
export async function recordClaimStatus(tx: Transaction, accountId: number, id: number, change: { status: ClaimStatus; filedAt?: string | null; recoveredMinor?: number | null; resolvedAt?: string | null }, event: { kind: string; amountMinor: number | null; note: string | null; recordedBy: string | null; recordedAt: string }): Promise<void> {
  await tx.db.updateTable('claims').set({
    status: change.status, updated_at: event.recordedAt,
    ...(change.filedAt === undefined ? {} : { filed_at: change.filedAt }),
    ...(change.recoveredMinor === undefined ? {} : { recovered_minor: change.recoveredMinor }),
    ...(change.resolvedAt === undefined ? {} : { resolved_at: change.resolvedAt }),
  }).where('account_id', '=', accountId).where('id', '=', id).execute();
  await tx.db.insertInto('claim_events').values({
    account_id: accountId, claim_id: id, kind: event.kind, amount_minor: event.amountMinor, note: event.note, recorded_by: event.recordedBy, recorded_at: event.recordedAt,
  }).execute();
}

/** A claim's history, oldest first. */
export async function listClaimEvents(db: Kysely<Schema>, accountId: number, id: number) {
  return db.selectFrom('claim_events').select(['kind', 'amount_minor', 'note', 'recorded_by', 'recorded_at'])
    .where('account_id', '=', accountId).where('claim_id', '=', id).orderBy('id').execute();
}
