import type { Kysely, Selectable } from 'kysely';
import type { Transaction } from './database.js';
import { rowLock } from './dialect.js';
import type { AmazonConnectionRow, AmazonSyncStateRow, Schema } from './schema.js';

export type StoredConnection = Selectable<AmazonConnectionRow>;
export type StoredSyncState = Selectable<AmazonSyncStateRow>;

/** Saves the account's connection, replacing the one before (connecting again rotates the credentials). */
export async function saveConnection(tx: Transaction, row: StoredConnection): Promise<void> {
  const { account_id: _account, connected_at: _first, ...changes } = row;
  await tx.db.insertInto('amazon_connections').values(row)
    .onConflict((c) => c.column('account_id').doUpdateSet(changes)).execute();
}

export async function findConnection(db: Kysely<Schema>, accountId: number): Promise<StoredConnection | undefined> {
  return db.selectFrom('amazon_connections').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** The accounts connected to Amazon, by id. */
export async function listConnectedAccountIds(db: Kysely<Schema>): Promise<number[]> {
  return (await db.selectFrom('amazon_connections').select('account_id').orderBy('account_id').execute()).map((r) => r.account_id);
}

export async function deleteConnection(tx: Transaction, accountId: number): Promise<boolean> {
  const result = await tx.db.deleteFrom('amazon_connections').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listSyncStates(db: Kysely<Schema>, accountId: number): Promise<StoredSyncState[]> {
  return db.selectFrom('amazon_sync_state').selectAll().where('account_id', '=', accountId).orderBy('report_type').orderBy('marketplace').execute();
}

export async function saveSyncState(db: Kysely<Schema>, row: StoredSyncState): Promise<void> {
  const { account_id: _a, report_type: _r, marketplace: _m, ...changes } = row;
  await db.insertInto('amazon_sync_state').values(row)
    .onConflict((c) => c.columns(['account_id', 'report_type', 'marketplace']).doUpdateSet(changes)).execute();
}

/**
 * Takes the account's sync lease for `holder` until `expiresAt` when it is free, expired or already
 * `holder`'s; false when another holder's lease still runs. The row is locked while deciding
 * (PostgreSQL; SQLite has one writer at a time), so two processes never both take it.
 */
export async function takeSyncLease(tx: Transaction, accountId: number, holder: string, nowIso: string, expiresAt: string): Promise<boolean> {
  // The row exists before it is locked: two first-ever takers would otherwise both lock nothing.
  await tx.db.insertInto('amazon_sync_leases').values({ account_id: accountId, holder: '', expires_at: '' })
    .onConflict((c) => c.column('account_id').doNothing()).execute();
  const current = await tx.db.selectFrom('amazon_sync_leases').select(['holder', 'expires_at']).where('account_id', '=', accountId)
    .modifyEnd(rowLock(tx.dialect, false)).executeTakeFirstOrThrow();
  if (current.holder !== holder && current.expires_at > nowIso) return false;
  await tx.db.updateTable('amazon_sync_leases').set({ holder, expires_at: expiresAt }).where('account_id', '=', accountId).execute();
  return true;
}

/** Gives the lease back, if `holder` still has it. */
export async function releaseSyncLease(db: Kysely<Schema>, accountId: number, holder: string): Promise<void> {
  await db.deleteFrom('amazon_sync_leases').where('account_id', '=', accountId).where('holder', '=', holder).execute();
}
