import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

// Seller accounts: each holds its own reports, cases and settings (migration 20261127T1100-initial).

export interface SellerAccount {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
}

export async function listSellerAccounts(db: Kysely<Schema>): Promise<SellerAccount[]> {
  const rows = await db.selectFrom('seller_accounts').select(['id', 'name', 'created_at']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

export async function insertSellerAccount(tx: Transaction, name: string, createdAt: string): Promise<SellerAccount> {
  const row = await tx.db.insertInto('seller_accounts').values({ name, created_at: createdAt }).returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export async function renameSellerAccount(tx: Transaction, id: number, name: string): Promise<void> {
  await tx.db.updateTable('seller_accounts').set({ name }).where('id', '=', id).execute();
}
