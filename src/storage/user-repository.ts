import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../domain/access/permissions.js';
import type { Transaction } from './database.js';
import type { Schema, UserRow } from './schema.js';

// Users and their role in each seller account (migration 20261128T1300-access).

type Db = Kysely<Schema>;

export interface StoredUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** Role per seller account id. */
  readonly roles: Readonly<Record<number, Role>>;
}

async function withRoles(db: Db, rows: readonly Selectable<UserRow>[]): Promise<StoredUser[]> {
  if (rows.length === 0) return [];
  const grants = await db.selectFrom('user_roles').select(['user_id', 'account_id', 'role']).where('user_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, passwordHash: r.password_hash, createdAt: r.created_at, disabledAt: r.disabled_at,
    roles: Object.fromEntries(grants.filter((g) => g.user_id === r.id).map((g) => [g.account_id, g.role as Role])),
  }));
}

/** The user of this name, compared without case. */
export async function findUserByName(db: Db, username: string): Promise<StoredUser | undefined> {
  const rows = await db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).execute();
  return (await withRoles(db, rows))[0];
}

export async function findUser(db: Db, id: number): Promise<StoredUser | undefined> {
  const rows = await db.selectFrom('users').selectAll().where('id', '=', id).execute();
  return (await withRoles(db, rows))[0];
}

/** Every user, in the order they were added. */
export async function listUsers(db: Db): Promise<StoredUser[]> {
  return withRoles(db, await db.selectFrom('users').selectAll().orderBy('id').execute());
}

export async function countActiveUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('disabled_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(tx: Transaction, user: { username: string; displayName: string; passwordHash: string | null; createdAt: string }): Promise<number> {
  const row = await tx.db.insertInto('users').values({
    username: user.username, display_name: user.displayName, password_hash: user.passwordHash, created_at: user.createdAt, disabled_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Gives the user `role` in the account (replacing the role they had there). */
export async function grantRole(tx: Transaction, userId: number, accountId: number, role: Role, at: string): Promise<void> {
  await tx.db.insertInto('user_roles').values({ user_id: userId, account_id: accountId, role, granted_at: at })
    .onConflict((c) => c.columns(['user_id', 'account_id']).doUpdateSet({ role, granted_at: at })).execute();
}

/** Takes the user's role in the account away (their other accounts keep theirs). */
export async function revokeRole(tx: Transaction, userId: number, accountId: number): Promise<void> {
  await tx.db.deleteFrom('user_roles').where('user_id', '=', userId).where('account_id', '=', accountId).execute();
}

export async function setPasswordHash(tx: Transaction, userId: number, passwordHash: string): Promise<void> {
  await tx.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Disables the user and ends their sessions and tokens: users are never deleted, the audit log names them. */
export async function disableUser(tx: Transaction, userId: number, at: string): Promise<void> {
  await tx.db.updateTable('users').set({ disabled_at: at }).where('id', '=', userId).execute();
  await tx.db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await tx.db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** How many active users hold `role` in the account. */
export async function countRoleHolders(db: Db, accountId: number, role: Role): Promise<number> {
  const row = await db.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.account_id', '=', accountId).where('r.role', '=', role).where('u.disabled_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function accountExists(db: Db, accountId: number): Promise<boolean> {
  return (await db.selectFrom('seller_accounts').select('id').where('id', '=', accountId).executeTakeFirst()) !== undefined;
}
