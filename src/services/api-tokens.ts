import { covers, parseRole } from '../domain/access/permissions.js';
import type { Role } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/database.js';
import { findToken, findTokenGrant, insertToken, listTokens as listStoredTokens, revokeToken as revokeStoredToken, touchToken } from '../storage/api-token-repository.js';
import type { StoredToken, TokenGrant } from '../storage/api-token-repository.js';
import { findUserByName } from '../storage/user-repository.js';
import { accountChain, recordChange } from './audit.js';
import { keptUntilChange } from './kept-until-change.js';
import { isStale, newSecret, sha256Hex as digestOf } from './secrets.js';
import type { Actor } from './users.js';

// API tokens for the seller's own scripts (docs/security.md#api-tokens): `rd_` and 43 base64url
// characters (256 random bits), shown once; stored as a SHA-256 digest with the user, one seller
// account and a role no higher than the user's there. A revoked token, or a token of a removed user,
// opens nothing.

export type ApiToken = StoredToken;

export interface NewToken {
  readonly username: string;
  readonly accountId: number;
  /** Default: the user's own role in the account. */
  readonly role?: string;
  readonly name: string;
}

/** Creates a token; its secret is in the result and nowhere else. */
export async function createToken(database: Database, request: NewToken, actor: Actor, now: string): Promise<{ token: ApiToken; secret: string }> {
  const name = request.name.trim();
  if (name === '' || name.length > 100) throw new DomainError('invalid_input', 'Name the token (1 to 100 characters), so it can be told apart later.', {});
  return database.transaction(async (tx) => {
    const user = await findUserByName(tx.db, request.username.trim());
    if (!user || user.disabledAt !== null) throw new DomainError('not_found', `There is no active user "${request.username.trim()}".`, { username: request.username });
    const own = user.roles[request.accountId];
    if (own === undefined) throw new DomainError('forbidden', `"${user.username}" has no role in seller account ${request.accountId}.`, { accountId: request.accountId });
    const role: Role = request.role === undefined ? own : parseRole(request.role);
    if (!covers(own, role)) throw new DomainError('forbidden', `A token of "${user.username}" (${own}) cannot act as ${role}.`, { role, own });
    const secret = `rd_${newSecret()}`;
    const id = await insertToken(tx, { tokenHash: digestOf(secret), prefix: secret.slice(0, 9), userId: user.id, accountId: request.accountId, role, name, createdAt: now });
    const token = (await findToken(tx.db, id))!;
    await recordChange(tx, { chain: accountChain(request.accountId), actor, action: 'token.create', subject: `token:${id}`, after: token, at: now });
    return { token, secret };
  });
}

/** The tokens of a user (every user's when none is named), newest first; never their secrets. */
export async function listTokens(database: Database, username?: string): Promise<ApiToken[]> {
  if (username === undefined) return listStoredTokens(database.db);
  const user = await findUserByName(database.db, username.trim());
  if (!user) throw new DomainError('not_found', `There is no user "${username.trim()}".`, { username });
  return listStoredTokens(database.db, user.id);
}

/** The tokens of one user, newest first. */
export async function listUserTokens(database: Database, userId: number): Promise<ApiToken[]> {
  return listStoredTokens(database.db, userId);
}

/** Revokes a token; with `ownerId`, only a token of that user (another's reads as not found). */
export async function revokeToken(database: Database, id: number, actor: Actor, now: string, ownerId?: number): Promise<ApiToken> {
  return database.transaction(async (tx) => {
    const before = await findToken(tx.db, id);
    if (!before || (ownerId !== undefined && before.userId !== ownerId)) throw new DomainError('not_found', `There is no API token ${id}.`, { id });
    if (before.revokedAt !== null) throw new DomainError('conflict', `API token ${id} was already revoked (${before.revokedAt}).`, { id });
    await revokeStoredToken(tx, id, now);
    const after = (await findToken(tx.db, id))!;
    await recordChange(tx, { chain: accountChain(before.accountId), actor, action: 'token.revoke', subject: `token:${id}`, before, after, at: now });
    return after;
  });
}

export interface TokenIdentity {
  readonly tokenId: number;
  readonly userId: number;
  readonly accountId: number;
  readonly role: Role;
}

// Read on every API request: kept until the next commit, so a revocation or a changed role still counts from the next request on.
const grants = keptUntilChange<string, TokenGrant | undefined>(1000);

/**
 * Who a presented token acts as, or null: unknown, revoked, its user removed, or the user's role in the
 * account no longer covers the token's (a token never does more than its user can do now; roles are
 * not a ladder, so it is refused rather than moved to another role).
 */
export async function authenticateToken(database: Database, secret: string, now: string): Promise<TokenIdentity | null> {
  if (!/^rd_[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const digest = digestOf(secret);
  const grant = await grants.read(database, digest, () => findTokenGrant(database.db, digest));
  if (!grant || grant.token.revokedAt !== null || grant.userDisabledAt !== null) return null;
  const { token, userRole } = grant;
  if (userRole === null || !covers(userRole, token.role)) return null;
  // A write takes its turn with the transactions, never on the reading connection (see sessions.ts).
  if (isStale(token.lastUsedAt, now)) await database.transaction((tx) => touchToken(tx, token.id, now));
  return { tokenId: token.id, userId: token.userId, accountId: token.accountId, role: token.role };
}
