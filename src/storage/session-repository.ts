import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

// Login sessions (migration 20261128T1300-access): the session and CSRF tokens as SHA-256 digests.

type Db = Kysely<Schema>;

export interface StoredSession {
  readonly id: number;
  readonly userId: number;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
}

export async function insertSession(tx: Transaction, s: { tokenHash: string; csrfHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<number> {
  const row = await tx.db.insertInto('sessions').values({
    token_hash: s.tokenHash, csrf_hash: s.csrfHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt, last_seen_at: s.createdAt, revoked_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findSessionByHash(db: Db, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await db.selectFrom('sessions').select(['id', 'user_id', 'csrf_hash', 'created_at', 'expires_at', 'last_seen_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, csrfHash: row.csrf_hash, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at };
}

export async function touchSession(tx: Transaction, id: number, at: string): Promise<void> {
  await tx.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(tx: Transaction, id: number, at: string): Promise<void> {
  await tx.db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
