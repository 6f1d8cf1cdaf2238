import { checkPassword, parseUsername } from '../domain/access/credentials.js';
import { parseRole } from '../domain/access/permissions.js';
import type { Role } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Database, Transaction } from '../storage/database.js';
import {
  accountExists, countActiveUsers, countRoleHolders, disableUser, findUser, findUserByName, grantRole, insertUser, listUsers as listStoredUsers,
} from '../storage/user-repository.js';
import type { StoredUser } from '../storage/user-repository.js';
import { instanceChain, recordChange } from './audit.js';
import { hashPassword } from './passwords.js';

// Users of a ReturnDesk instance (docs/security.md): `returndesk user add|list|remove|role`. Every
// change lands in the audit log with the user before and after (never a password hash).

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly hasPassword: boolean;
  readonly roles: Readonly<Record<number, Role>>;
}

const publicUser = (u: StoredUser): User => ({
  id: u.id, username: u.username, displayName: u.displayName, createdAt: u.createdAt, disabledAt: u.disabledAt, hasPassword: u.passwordHash !== null, roles: u.roles,
});

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  readonly password: string;
  readonly role: string;
  readonly accountId: number;
}

/** Who acts: 'user:<id>', 'token:<id>', 'cli:<os user>'. */
export type Actor = string;

/** Adds a user with a password and a role in one seller account. */
export async function addUser(database: Database, request: NewUser, actor: Actor, now: string): Promise<User> {
  const username = parseUsername(request.username);
  const role = parseRole(request.role);
  checkPassword(request.password, username);
  const passwordHash = await hashPassword(request.password);
  return database.transaction(async (tx) => {
    if (await findUserByName(tx.db, username)) throw new DomainError('conflict', `There is already a user "${username}".`, { username });
    await requireAccount(tx, request.accountId);
    const id = await insertUser(tx, { username, displayName: request.displayName?.trim() || username, passwordHash, createdAt: now });
    await grantRole(tx, id, request.accountId, role, now);
    const user = publicUser((await findUserByName(tx.db, username))!);
    await recordChange(tx, { chain: instanceChain, actor, action: 'user.add', subject: `user:${id}`, after: user, at: now });
    return user;
  });
}

/** Gives a user a role in a seller account; the last owner of an account keeps theirs. */
export async function setUserRole(database: Database, username: string, accountId: number, roleText: string, actor: Actor, now: string): Promise<User> {
  const role = parseRole(roleText);
  return database.transaction(async (tx) => {
    const before = await requireUser(tx, username);
    await requireAccount(tx, accountId);
    if (before.roles[accountId] === 'owner' && role !== 'owner') await keepAnOwner(tx, accountId, username);
    await grantRole(tx, before.id, accountId, role, now);
    const after = publicUser((await findUserByName(tx.db, username))!);
    await recordChange(tx, { chain: instanceChain, actor, action: 'user.role', subject: `user:${before.id}`, before: publicUser(before), after, at: now });
    return after;
  });
}

/** Disables a user, ending their sessions and tokens. The audit log keeps naming them, so they are never deleted. */
export async function removeUser(database: Database, username: string, actor: Actor, now: string): Promise<User> {
  return database.transaction(async (tx) => {
    const before = await requireUser(tx, username);
    if (before.disabledAt !== null) throw new DomainError('conflict', `User "${before.username}" was already removed (${before.disabledAt}).`, { username });
    for (const [accountId, role] of Object.entries(before.roles)) if (role === 'owner') await keepAnOwner(tx, Number(accountId), username);
    await disableUser(tx, before.id, now);
    const after = publicUser((await findUserByName(tx.db, username))!);
    await recordChange(tx, { chain: instanceChain, actor, action: 'user.remove', subject: `user:${before.id}`, before: publicUser(before), after, at: now });
    return after;
  });
}

/** A user as the API shows them (the caller's own record). */
export async function findAccountUser(database: Database, id: number): Promise<User> {
  const user = await findUser(database.db, id);
  if (!user) throw new DomainError('not_found', `There is no user ${id}.`, { id });
  return publicUser(user);
}

/** The users with a role in a seller account, in the order they were added. */
export async function listAccountUsers(database: Database, accountId: number): Promise<User[]> {
  return (await listStoredUsers(database.db)).filter((u) => u.roles[accountId] !== undefined).map(publicUser);
}

export async function listUsers(database: Database): Promise<User[]> {
  return (await listStoredUsers(database.db)).map(publicUser);
}

/** Whether anyone can log in yet: the first start says how to create the owner when not. */
export async function hasUsers(database: Database): Promise<boolean> {
  return (await countActiveUsers(database.db)) > 0;
}

async function requireUser(tx: Transaction, username: string): Promise<StoredUser> {
  const user = await findUserByName(tx.db, username.trim());
  if (!user) throw new DomainError('not_found', `There is no user "${username.trim()}".`, { username });
  return user;
}

async function requireAccount(tx: Transaction, accountId: number): Promise<void> {
  if (!(await accountExists(tx.db, accountId))) throw new DomainError('not_found', `There is no seller account ${accountId}.`, { accountId });
}

async function keepAnOwner(tx: Transaction, accountId: number, username: string): Promise<void> {
  if ((await countRoleHolders(tx.db, accountId, 'owner')) <= 1) {
    throw new DomainError('conflict', `"${username}" is the last owner of seller account ${accountId}: make someone else owner first.`, { username, accountId });
  }
}
