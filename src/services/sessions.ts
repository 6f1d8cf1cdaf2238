import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/database.js';
import { findSessionByHash, insertSession, revokeSession, touchSession } from '../storage/session-repository.js';
import { findUser, findUserByName } from '../storage/user-repository.js';
import { hashPassword, passwordMatches } from './passwords.js';
import { isStale, newSecret, sha256Hex as digestOf } from './secrets.js';

// Password logins for the web app (docs/security.md#sessions): a new random session token on every
// login (never one the browser brought: no session fixation), kept in an HttpOnly cookie, and a CSRF
// token the page sends back in a header on every write. Both are stored as SHA-256 digests only.

/** A session ends 12 hours after login, whatever happens: a shared warehouse screen does not stay logged in for days. */
export const sessionHours = 12;


export interface LoggedIn {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly userId: number;
}

export interface SessionIdentity {
  readonly sessionId: number;
  readonly userId: number;
  readonly username: string;
  readonly roles: Readonly<Record<number, Role>>;
  readonly csrfHash: string;
}

// Verified against when the username is unknown, so an unknown name costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Logs a user in; a wrong name or password says only that the two do not match. */
export async function login(database: Database, username: string, password: string, now: string): Promise<LoggedIn> {
  const user = await findUserByName(database.db, username.trim());
  decoyHash ??= hashPassword(newSecret());
  const matches = await passwordMatches(user?.passwordHash ?? await decoyHash, password);
  if (!user || !matches || user.passwordHash === null || user.disabledAt !== null) {
    throw new DomainError('unauthenticated', 'The username and password do not match.', {});
  }
  const sessionToken = newSecret(), csrfToken = newSecret();
  const expiresAt = new Date(Date.parse(now) + sessionHours * 3_600_000).toISOString();
  await database.transaction((tx) => insertSession(tx, { tokenHash: digestOf(sessionToken), csrfHash: digestOf(csrfToken), userId: user.id, createdAt: now, expiresAt }));
  return { sessionToken, csrfToken, expiresAt, userId: user.id };
}

/** Who a session cookie belongs to, or null: unknown, ended, expired, or its user removed. */
export async function authenticateSession(database: Database, sessionToken: string, now: string): Promise<SessionIdentity | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
  const session = await findSessionByHash(database.db, digestOf(sessionToken));
  if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
  const user = await findUser(database.db, session.userId);
  if (!user || user.disabledAt !== null) return null;
  // Every write takes its turn with the transactions (storage/write-queue.ts): a write on the reading
  // connection while one is open would wait on SQLite's lock and stop the process with it.
  if (isStale(session.lastSeenAt, now)) await database.transaction((tx) => touchSession(tx, session.id, now));
  return { sessionId: session.id, userId: user.id, username: user.username, roles: user.roles, csrfHash: session.csrfHash };
}

/** Whether a request's CSRF header is the session's token (compared in constant time). */
export function csrfMatches(identity: SessionIdentity, csrfToken: string | undefined): boolean {
  if (csrfToken === undefined) return false;
  const given = Buffer.from(digestOf(csrfToken), 'hex'), expected = Buffer.from(identity.csrfHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function logout(database: Database, sessionId: number, now: string): Promise<void> {
  await database.transaction((tx) => revokeSession(tx, sessionId, now));
}
