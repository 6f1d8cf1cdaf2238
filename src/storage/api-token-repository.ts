import type { Kysely } from 'kysely';
import type { Role } from '../domain/access/permissions.js';
import type { Transaction } from './database.js';
import { reusedQuery } from './reused-query.js';
import type { Schema } from './schema.js';

// API tokens for scripts (migration 20261128T1300-access): stored as SHA-256 digests, each with its
// user, seller account and role.

type Db = Kysely<Schema>;

export interface StoredToken {
  readonly id: number;
  readonly prefix: string;
  readonly userId: number;
  readonly accountId: number;
  readonly role: Role;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

const columns = ['id', 'prefix', 'user_id', 'account_id', 'role', 'name', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toToken(r: { id: number; prefix: string; user_id: number; account_id: number; role: string; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null }): StoredToken {
  return {
    id: r.id, prefix: r.prefix, userId: r.user_id, accountId: r.account_id, role: r.role as Role, name: r.name, createdAt: r.created_at,
    lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
  };
}

export async function insertToken(tx: Transaction, token: Omit<StoredToken, 'id' | 'lastUsedAt' | 'revokedAt'> & { tokenHash: string }): Promise<number> {
  const row = await tx.db.insertInto('api_tokens').values({
    token_hash: token.tokenHash, prefix: token.prefix, user_id: token.userId, account_id: token.accountId, role: token.role, name: token.name,
    created_at: token.createdAt, last_used_at: null, revoked_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A token with what its user may do now in its account: read on every API request, so in one query. */
export interface TokenGrant {
  readonly token: StoredToken;
  readonly userDisabledAt: string | null;
  /** The user's role in the token's account now; null when they hold none there. */
  readonly userRole: Role | null;
}

/** The token with this digest, its user and their role in its account, revoked or not. */
const grantOfToken = reusedQuery((db: Db, tokenHash: string) => db.selectFrom('api_tokens as t')
  .innerJoin('users as u', 'u.id', 't.user_id')
  .leftJoin('user_roles as r', (join) => join.onRef('r.user_id', '=', 't.user_id').onRef('r.account_id', '=', 't.account_id'))
  .select(columns.map((c) => `t.${c}` as const)).select(['u.disabled_at', 'r.role as user_role'])
  .where('t.token_hash', '=', tokenHash));

export async function findTokenGrant(db: Db, tokenHash: string): Promise<TokenGrant | undefined> {
  const [row] = await grantOfToken(db, tokenHash);
  return row && { token: toToken(row), userDisabledAt: row.disabled_at, userRole: row.user_role as Role | null };
}

export async function findToken(db: Db, id: number): Promise<StoredToken | undefined> {
  const row = await db.selectFrom('api_tokens').select([...columns]).where('id', '=', id).executeTakeFirst();
  return row && toToken(row);
}

/** The tokens of a user (all users when undefined), newest first. */
export async function listTokens(db: Db, userId?: number): Promise<StoredToken[]> {
  let query = db.selectFrom('api_tokens').select([...columns]).orderBy('id', 'desc');
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return (await query.execute()).map(toToken);
}

export async function revokeToken(tx: Transaction, id: number, at: string): Promise<void> {
  await tx.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function touchToken(tx: Transaction, id: number, at: string): Promise<void> {
  await tx.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
