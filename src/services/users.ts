import { checkPassword, parseUsername } from '../domain/access/credentials.js';
import { parseRole } from '../domain/access/permissions.js';
import type { Role } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Database, Transaction } from '../storage/database.js';
import {
  accountExists, countActiveUsers, countRoleHolders, disableUser, findUser, findUserByName, grantRole, insertUser, listUsers as listStoredUsers, revokeRole,
} from '../storage/user-repository.js';
import type { StoredUser } from '../storage/user-repository.js';
import { listTokens as listStoredTokens, revokeToken as revokeStoredToken } from '../storage/api-token-repository.js';
import { lockChain } from '../storage/audit-repository.js';
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
  return database.transaction((tx) => insertNewUser(tx, { username, displayName: request.displayName, passwordHash, role, accountId: request.accountId }, actor, now));
}

/** Adds a user whose name, role and password were checked (`addUser`), in the caller's transaction. */
export async function insertNewUser(
  tx: Transaction, user: { username: string; displayName?: string; passwordHash: string; role: Role; accountId: number }, actor: Actor, now: string,
): Promise<User> {
  const { username } = user;
  if (await findUserByName(tx.db, username)) throw new DomainError('conflict', `There is already a user "${username}".`, { username });
  await requireAccount(tx, user.accountId);
  const id = await insertUser(tx, { username, displayName: user.displayName?.trim() || username, passwordHash: user.passwordHash, createdAt: now });
  await grantRole(tx, id, user.accountId, user.role, now);
  const added = publicUser((await findUserByName(tx.db, username))!);
  await recordChange(tx, { chain: instanceChain, actor, action: 'user.add', subject: `user:${id}`, after: added, at: now });
  return added;
}

/** Gives a user a role in a seller account; the last owner of an account keeps theirs. */
export async function setUserRole(database: Database, username: string, accountId: number, roleText: string, actor: Actor, now: string): Promise<User> {
  const role = parseRole(roleText);
  return database.transaction(async (tx) => {
    await lockChain(tx, instanceChain);
    const before = await requireUser(tx, username);
    await requireAccount(tx, accountId);
    return changeRole(tx, before, accountId, role, actor, now);
  });
}

/** Gives a user a role inside a transaction that makes something else too (a new account's owner). */
export async function giveRole(tx: Transaction, userId: number, accountId: number, role: Role, actor: Actor, now: string): Promise<User> {
  await lockChain(tx, instanceChain);
  const before = await findUser(tx.db, userId);
  if (!before) throw new DomainError('not_found', `There is no user ${userId}.`, { userId });
  return changeRole(tx, before, accountId, role, actor, now);
}

async function changeRole(tx: Transaction, before: StoredUser, accountId: number, role: Role, actor: Actor, now: string): Promise<User> {
  if (before.roles[accountId] === 'owner' && role !== 'owner') await keepAnOwner(tx, accountId, before.username);
  await grantRole(tx, before.id, accountId, role, now);
  const after = publicUser((await findUser(tx.db, before.id))!);
  await recordChange(tx, { chain: instanceChain, actor, action: 'user.role', subject: `user:${before.id}`, before: publicUser(before), after, at: now });
  return after;
}

/** Disables a user, ending their sessions and tokens. The audit log keeps naming them, so they are never deleted. */
export async function removeUser(database: Database, username: string, actor: Actor, now: string): Promise<User> {
  return database.transaction(async (tx) => {
    await lockChain(tx, instanceChain);
    const before = await requireUser(tx, username);
    if (before.disabledAt !== null) throw new DomainError('conflict', `User "${before.username}" was already removed (${before.disabledAt}).`, { username });
    for (const [accountId, role] of Object.entries(before.roles)) if (role === 'owner') await keepAnOwner(tx, Number(accountId), username);
    await disableUser(tx, before.id, now);
    const after = publicUser((await findUserByName(tx.db, username))!);
    await recordChange(tx, { chain: instanceChain, actor, action: 'user.remove', subject: `user:${before.id}`, before: publicUser(before), after, at: now });
    return after;
  });
}

// ---- An account's users, as its owners manage them over the API (docs/api/settings.md). ----

/** Who manages an account's users: the audit actor, and the accounts where they hold manage_users. */
export interface UserManager {
  readonly actor: Actor;
  /** Users with a role in one of these are already the caller's to see; anyone else is not. */
  readonly accountIds: readonly number[];
}

export interface AccountUserRequest {
  readonly username: string;
  readonly displayName?: string;
  /** For a new user only: an existing user keeps the password they chose. */
  readonly password?: string;
  readonly role: string;
}

/**
 * Adds a user to a seller account: a new login when the name is free, or a role here for a user the
 * caller already manages in another of their accounts. A name that belongs to anyone else is only
 * "already a user" (names are unique on the instance, so that much cannot be hidden), never where.
 */
export async function addAccountUser(database: Database, accountId: number, request: AccountUserRequest, manager: UserManager, now: string): Promise<{ user: User; created: boolean }> {
  const username = parseUsername(request.username);
  parseRole(request.role);
  const existing = await findUserByName(database.db, username);
  if (existing && manager.accountIds.some((id) => existing.roles[id] !== undefined)) {
    return { user: await addKnownUser(database, existing, accountId, request, manager.actor, now), created: false };
  }
  if (request.password === undefined) throw new DomainError('invalid_input', 'A new user needs a password (10 to 256 characters).', {});
  const user = await addUser(database, { username, displayName: request.displayName, password: request.password, role: request.role, accountId }, manager.actor, now);
  return { user, created: true };
}

async function addKnownUser(database: Database, existing: StoredUser, accountId: number, request: AccountUserRequest, actor: Actor, now: string): Promise<User> {
  const name = existing.username;
  if (request.password !== undefined) {
    throw new DomainError('invalid_input', `"${name}" already has a login: leave out the password to give them a role here (their password stays theirs).`, { username: name });
  }
  if (existing.disabledAt !== null) throw removedUser(existing);
  const current = existing.roles[accountId];
  if (current !== undefined) {
    throw new DomainError('conflict', `"${name}" is already ${current} in seller account ${accountId}: change their role instead.`, { userId: existing.id, role: current });
  }
  return setUserRole(database, name, accountId, request.role, actor, now);
}

/** Changes the role of a user of the account; the last owner keeps theirs (`conflict`). */
export async function setAccountUserRole(database: Database, accountId: number, userId: number, roleText: string, actor: Actor, now: string): Promise<User> {
  const role = parseRole(roleText);
  return database.transaction(async (tx) => {
    await lockChain(tx, instanceChain);
    const before = await requireAccountUser(tx, accountId, userId);
    if (before.disabledAt !== null) throw removedUser(before);
    return changeRole(tx, before, accountId, role, actor, now);
  });
}

/**
 * Takes a user's role in the account away, and their API tokens for it. When it was their last
 * account they are removed as `removeUser` does (disabled, every session and token ended); otherwise
 * they keep their login and their other accounts. The last owner stays (`conflict`).
 */
export async function removeAccountUser(database: Database, accountId: number, userId: number, actor: Actor, now: string): Promise<User> {
  return database.transaction(async (tx) => {
    await lockChain(tx, instanceChain);
    const before = await requireAccountUser(tx, accountId, userId);
    if (before.roles[accountId] === 'owner' && before.disabledAt === null) await keepAnOwner(tx, accountId, before.username);
    await revokeRole(tx, before.id, accountId);
    const lastAccount = Object.keys(before.roles).length === 1;
    if (lastAccount && before.disabledAt === null) await disableUser(tx, before.id, now);
    else await revokeAccountTokens(tx, before.id, accountId, now);
    const after = publicUser((await findUser(tx.db, before.id))!);
    const action = lastAccount ? 'user.remove' : 'user.role.remove';
    await recordChange(tx, { chain: instanceChain, actor, action, subject: `user:${before.id}`, before: publicUser(before), after, at: now });
    return after;
  });
}

/** So a role given back later does not bring old tokens back to life. */
async function revokeAccountTokens(tx: Transaction, userId: number, accountId: number, now: string): Promise<void> {
  for (const token of await listStoredTokens(tx.db, userId)) {
    if (token.accountId === accountId && token.revokedAt === null) await revokeStoredToken(tx, token.id, now);
  }
}

/** A user with a role in the account; anyone else reads as not found, whether they exist elsewhere or not. */
async function requireAccountUser(tx: Transaction, accountId: number, userId: number): Promise<StoredUser> {
  const user = await findUser(tx.db, userId);
  if (!user || user.roles[accountId] === undefined) throw new DomainError('not_found', `There is no user ${userId} in seller account ${accountId}.`, { userId, accountId });
  return user;
}

const removedUser = (user: StoredUser) => new DomainError('conflict', `"${user.username}" was removed (${user.disabledAt}): add a new user instead.`, { userId: user.id });

/** The name a record shows for who did something: the user's display name, else their username. */
export async function nameOfUser(database: Database, id: number): Promise<string> {
  const user = await findAccountUser(database, id);
  return user.displayName.trim() || user.username;
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

// Every check of "is this the last owner" runs with the instance chain locked: on PostgreSQL two owners
// demoting each other at once would otherwise both count two owners and leave none.
async function keepAnOwner(tx: Transaction, accountId: number, username: string): Promise<void> {
  if ((await countRoleHolders(tx.db, accountId, 'owner')) <= 1) {
    throw new DomainError('conflict', `"${username}" is the last owner of seller account ${accountId}: make someone else owner first.`, { username, accountId });
  }
}
