import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Transaction } from './database.js';
import { rowLock } from './dialect.js';
import { reusedQuery } from './reused-query.js';
import type { QueueEntryRow, Schema } from './schema.js';

/** One open seller-fulfilled case in the queue's index: its first clock and what the queue sorts and filters by. */
export interface QueueEntry {
  readonly caseId: number;
  readonly accountId: number;
  readonly marketplaceCode: string;
  readonly orderId: string;
  readonly sku: string;
  readonly status: string;
  readonly task: string;
  readonly reasonCategory: string | null;
  readonly fault: string;
  readonly dueAt: string | null;
  readonly ruleId: string | null;
  readonly currency: string;
  readonly atStakeMinor: number | null;
}

/** What a queue read may narrow to; absent: any. */
export interface QueueFilter {
  readonly marketplace?: string;
  readonly reasonCategory?: string;
  readonly fault?: string;
  readonly status?: string;
  readonly task?: string;
  readonly sku?: string;
}

/**
 * A range of due times: `from`/`to` bound `due_at` (exclusive unless `fromInclusive`/`toInclusive`);
 * `toByMarketplace` bounds it per marketplace (the end of each one's local day); `noDue`: the entries
 * without a clock.
 */
export interface DueRange {
  readonly noDue?: boolean;
  readonly from?: string;
  readonly fromInclusive?: boolean;
  readonly to?: string;
  readonly toInclusive?: boolean;
  readonly byMarketplace?: { readonly bounds: ReadonlyMap<string, string>; readonly side: 'before' | 'from' };
}

export interface QueueState {
  readonly policyVersion: number;
  /** Moves on with every fold: what was derived from the entries at one generation holds until the next. */
  readonly generation: number;
}

// ---- Folding marks into entries (services/work-queue-fold.ts). ----

/** The account's state, or undefined before its first build. */
export async function findQueueState(db: Kysely<Schema>, accountId: number): Promise<QueueState | undefined> {
  const row = await db.selectFrom('queue_state').select(['policy_version', 'generation']).where('account_id', '=', accountId).executeTakeFirst();
  return row ? { policyVersion: row.policy_version, generation: Number(row.generation) } : undefined;
}

export interface QueueFreshness {
  /** Undefined before the account's first build. */
  readonly state: QueueState | undefined;
  /** The version of the policy in force (the highest applied; 0: the built-in default). */
  readonly policyVersion: number;
  /** A case or SKU of the account was marked since its last fold. */
  readonly marked: boolean;
}

/**
 * What decides whether the index needs a fold, in one query: it runs before every queue read, so it
 * reads the policy's version, not the policy (services/policy.ts reads and hashes it).
 */
const freshnessOf = reusedQuery((db: Kysely<Schema>, accountId: number) => db.selectNoFrom((eb) => [
  eb.selectFrom('queue_state').select('policy_version').where('account_id', '=', accountId).as('state_policy'),
  eb.selectFrom('queue_state').select('generation').where('account_id', '=', accountId).as('generation'),
  eb.selectFrom('policies').select((p) => p.fn.max('version').as('v')).where('account_id', '=', accountId).as('policy'),
  eb.exists(eb.selectFrom('queue_dirty_cases').select('case_id').where('account_id', '=', accountId)).as('cases'),
  eb.exists(eb.selectFrom('queue_dirty_skus').select('sku').where('account_id', '=', accountId)).as('skus'),
]));

export async function findQueueFreshness(db: Kysely<Schema>, accountId: number): Promise<QueueFreshness> {
  const [row] = await freshnessOf(db, accountId);
  if (!row) throw new Error('The queue freshness query answered no row.');
  return {
    state: row.state_policy === null ? undefined : { policyVersion: Number(row.state_policy), generation: Number(row.generation) },
    policyVersion: row.policy === null ? 0 : Number(row.policy),
    marked: Boolean(row.cases) || Boolean(row.skus),
  };
}


/**
 * The account's state row, locked until the transaction ends, so folds of one account take turns on
 * PostgreSQL (made first if missing, with policy version -1: built under no policy yet).
 */
export async function lockQueueState(tx: Transaction, accountId: number, nowIso: string): Promise<Pick<QueueState, 'policyVersion'>> {
  await tx.db.insertInto('queue_state').values({ account_id: accountId, policy_version: -1, built_at: nowIso })
    .onConflict((oc) => oc.column('account_id').doNothing()).execute();
  const { rows } = await sql<{ policy_version: number }>`select policy_version from queue_state where account_id = ${accountId}${rowLock(tx.dialect, false)}`.execute(tx.db);
  return { policyVersion: rows[0]!.policy_version };
}

export async function saveQueueState(tx: Transaction, accountId: number, policyVersion: number, nowIso: string): Promise<void> {
  await tx.db.updateTable('queue_state').set((eb) => ({ policy_version: policyVersion, built_at: nowIso, generation: eb('generation', '+', 1) }))
    .where('account_id', '=', accountId).execute();
}

export interface QueueMarks {
  readonly cases: ReadonlyMap<number, number>;
  readonly skus: ReadonlyMap<string, number>;
}

/**
 * The account's marks with their stamps, locked. On PostgreSQL a mark an unfinished transaction is
 * re-stamping is skipped (it stays for the next fold), so a fold never waits for a long import.
 */
export async function takeQueueMarks(tx: Transaction, accountId: number): Promise<QueueMarks> {
  const cases = await sql<{ case_id: number; stamp: number }>`select case_id, stamp from queue_dirty_cases where account_id = ${accountId}${rowLock(tx.dialect, true)}`.execute(tx.db);
  const skus = await sql<{ sku: string; stamp: number }>`select sku, stamp from queue_dirty_skus where account_id = ${accountId}${rowLock(tx.dialect, true)}`.execute(tx.db);
  return {
    cases: new Map(cases.rows.map((r) => [Number(r.case_id), Number(r.stamp)])),
    skus: new Map(skus.rows.map((r) => [r.sku, Number(r.stamp)])),
  };
}

/** Removes the marks folded in, each only at the stamp read: one made meanwhile stays. */
export async function clearQueueMarks(tx: Transaction, accountId: number, marks: QueueMarks): Promise<void> {
  for (const [caseId, stamp] of marks.cases) {
    await tx.db.deleteFrom('queue_dirty_cases').where('case_id', '=', caseId).where('stamp', '=', stamp).execute();
  }
  for (const [sku, stamp] of marks.skus) {
    await tx.db.deleteFrom('queue_dirty_skus').where('account_id', '=', accountId).where('sku', '=', sku).where('stamp', '=', stamp).execute();
  }
}

/** Case ids of the account's entries with one of `skus`. */
export async function entryIdsWithSkus(db: Kysely<Schema>, accountId: number, skus: readonly string[]): Promise<number[]> {
  if (skus.length === 0) return [];
  const rows = await db.selectFrom('queue_entries').select('case_id').where('account_id', '=', accountId).where('sku', 'in', [...skus]).execute();
  return rows.map((r) => r.case_id);
}

/** Replaces the entries of `caseIds` (or of the whole account) with `entries`. */
export async function replaceQueueEntries(tx: Transaction, accountId: number, caseIds: readonly number[] | 'all', entries: readonly QueueEntry[]): Promise<void> {
  let removal = tx.db.deleteFrom('queue_entries').where('account_id', '=', accountId);
  if (caseIds !== 'all') {
    if (caseIds.length === 0) return insertEntries(tx, entries);
    removal = removal.where('case_id', 'in', [...caseIds]);
  }
  await removal.execute();
  await insertEntries(tx, entries);
}

const entryColumns = [
  'case_id', 'account_id', 'marketplace_code', 'order_id', 'sku', 'status', 'task', 'reason_category', 'fault', 'due_at', 'rule_id',
  'currency', 'at_stake_minor', 'at_stake_order',
] as const;

async function insertEntries(tx: Transaction, entries: readonly QueueEntry[]): Promise<void> {
  await tx.bulk.insert('queue_entries', entryColumns, entries.map((e) => [
    e.caseId, e.accountId, e.marketplaceCode, e.orderId, e.sku, e.status, e.task, e.reasonCategory, e.fault, e.dueAt, e.ruleId,
    e.currency, e.atStakeMinor, e.atStakeMinor ?? 0,
  ]));
}

// ---- Reading a page. ----

/** Offer steps declined (0-based) on each of `caseIds`: the page's, where the account's all would grow with its history. */
export async function declinedStepsOfCases(db: Kysely<Schema>, accountId: number, caseIds: readonly number[]): Promise<Map<number, number[]>> {
  const steps = new Map<number, number[]>();
  if (caseIds.length === 0) return steps;
  const rows = await db.selectFrom('case_outcomes').select(['case_id', 'step']).where('account_id', '=', accountId).where('case_id', 'in', [...caseIds])
    .where('outcome', '=', 'offer-declined').where('step', 'is not', null).orderBy('id').execute();
  for (const row of rows) steps.set(row.case_id, [...(steps.get(row.case_id) ?? []), row.step!]);
  return steps;
}

function filtered(db: Kysely<Schema>, accountId: number, filter: QueueFilter) {
  let query = db.selectFrom('queue_entries').where('account_id', '=', accountId);
  if (filter.marketplace !== undefined) query = query.where('marketplace_code', '=', filter.marketplace);
  if (filter.reasonCategory !== undefined) query = query.where('reason_category', '=', filter.reasonCategory);
  if (filter.fault !== undefined) query = query.where('fault', '=', filter.fault);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.task !== undefined) query = query.where('task', '=', filter.task);
  if (filter.sku !== undefined) query = query.where('sku', '=', filter.sku);
  return query;
}

function dueCondition(range: DueRange): Expression<SqlBool> {
  if (range.noDue) return sql<SqlBool>`due_at is null`;
  const parts = [sql`due_at is not null`];
  if (range.from !== undefined) parts.push(range.fromInclusive ? sql`due_at >= ${range.from}` : sql`due_at > ${range.from}`);
  if (range.to !== undefined) parts.push(range.toInclusive ? sql`due_at <= ${range.to}` : sql`due_at < ${range.to}`);
  if (range.byMarketplace) {
    // One bound per marketplace, as a CASE over the row's marketplace (its local day ends at its own instant).
    const cases = [...range.byMarketplace.bounds].map(([code, bound]) => sql`when ${code} then ${bound}`);
    const bound = sql`case marketplace_code ${sql.join(cases, sql` `)} end`;
    parts.push(range.byMarketplace.side === 'before' ? sql`due_at < ${bound}` : sql`due_at >= ${bound}`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** The due time (null: no clock) and marketplace of every entry matching `filter`, earliest first. */
export async function listQueueDueTimes(db: Kysely<Schema>, accountId: number, filter: QueueFilter): Promise<{ marketplace: string; dueAt: string | null }[]> {
  const rows = await filtered(db, accountId, filter).select(['marketplace_code', 'due_at']).orderBy('due_at').execute();
  return rows.map((r) => ({ marketplace: r.marketplace_code, dueAt: r.due_at }));
}

/** Per marketplace: entries, those without a clock, overdue at `now`, due by `soon`, due before the marketplace's `dayEnds`. */
export interface MarketplaceDueCounts {
  readonly marketplace: string;
  readonly total: number;
  readonly noDue: number;
  readonly overdue: number;
  readonly dueBySoon: number;
  readonly dueBeforeDayEnd: number;
}

/** The urgency counts of the filtered entries at one moment, counted by the database (one indexed pass). */
export async function countQueueDueTimes(
  db: Kysely<Schema>, accountId: number, filter: QueueFilter, at: { now: string; soon: string; dayEnds: ReadonlyMap<string, string> },
): Promise<MarketplaceDueCounts[]> {
  const dayEnd = at.dayEnds.size === 0 ? sql`null` : sql`case marketplace_code ${sql.join([...at.dayEnds].map(([code, end]) => sql`when ${code} then ${end}`), sql` `)} end`;
  const rows = await filtered(db, accountId, filter).select([
    'marketplace_code',
    sql<number>`count(*)`.as('total'),
    sql<number>`sum(case when due_at is null then 1 else 0 end)`.as('no_due'),
    sql<number>`sum(case when due_at < ${at.now} then 1 else 0 end)`.as('overdue'),
    sql<number>`sum(case when due_at <= ${at.soon} then 1 else 0 end)`.as('due_by_soon'),
    sql<number>`sum(case when due_at < ${dayEnd} then 1 else 0 end)`.as('due_before_day_end'),
  ]).groupBy('marketplace_code').orderBy('marketplace_code').execute();
  return rows.map((r) => ({
    marketplace: r.marketplace_code, total: Number(r.total), noDue: Number(r.no_due), overdue: Number(r.overdue),
    dueBySoon: Number(r.due_by_soon), dueBeforeDayEnd: Number(r.due_before_day_end),
  }));
}

/** Entries in `range`, by due time, then the larger amount at stake (unknown as 0), then the case id. */
export async function pageQueueEntries(db: Kysely<Schema>, accountId: number, filter: QueueFilter, range: DueRange, limit: number, offset: number): Promise<QueueEntry[]> {
  const rows = await filtered(db, accountId, filter).where(dueCondition(range)).selectAll()
    .orderBy('due_at').orderBy('at_stake_order', 'desc').orderBy('case_id').limit(limit).offset(offset).execute();
  return rows.map(toEntry);
}

function toEntry(row: QueueEntryRow): QueueEntry {
  return {
    caseId: row.case_id, accountId: row.account_id, marketplaceCode: row.marketplace_code, orderId: row.order_id, sku: row.sku,
    status: row.status, task: row.task, reasonCategory: row.reason_category, fault: row.fault, dueAt: row.due_at, ruleId: row.rule_id,
    currency: row.currency, atStakeMinor: row.at_stake_minor === null ? null : Number(row.at_stake_minor),
  };
}
