import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '../src/domain/access/permissions.js';
import { buildServer } from '../src/http/server.js';
import { createToken } from '../src/services/api-tokens.js';
import type { Database } from '../src/services/open-database.js';
import { addUser, setUserRole } from '../src/services/users.js';
import type { TestDatabaseTarget } from './databases.js';
import { scratchDir } from './report-files.js';
import { join } from 'node:path';
import { defaultEvidenceStoreConfig } from '../src/services/evidence-store.js';

// Users and API tokens for HTTP tests: an owner `owner` with the password below, and a user per role
// (`as-viewer`, `as-agent`…) with a token each, all of seller account 1 unless said.

export const ownerPassword = 'owner passphrase 1';
const at = '2026-11-27T09:00:00.000Z';

/** Adds the owner of account 1 (once) and returns their id. */
export async function ensureOwner(database: Database): Promise<void> {
  const exists = await database.db.selectFrom('users').select('id').where('username', '=', 'owner').executeTakeFirst();
  if (!exists) await addUser(database, { username: 'owner', password: ownerPassword, role: 'owner', accountId: 1 }, 'test', at);
}

/** A token of a user holding `role` in `accountId` (the user is made on first use). */
export async function tokenFor(database: Database, role: Role, accountId = 1): Promise<string> {
  await ensureOwner(database);
  const username = `as-${role}-${accountId}`;
  const exists = await database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!exists) await addUser(database, { username, password: `${username} passphrase`, role, accountId }, 'test', at);
  else await setUserRole(database, username, accountId, role, 'test', at);
  return (await createToken(database, { username, accountId, name: `${role} test` }, 'test', at)).secret;
}

export const viewerToken = (database: Database) => tokenFor(database, 'viewer');

/**
 * A fresh database with its owner and an API server on it, per test (read them inside tests):
 * `database()` and `app()`; the server's clock is fixed at `now`, it checks every answer against its
 * route's declared reply, and keeps evidence and uploads under a scratch directory (`scratch`).
 */
export function useApiServer(target: TestDatabaseTarget, now = '2026-11-27T12:00:00.000Z'): { database: () => Database; app: () => FastifyInstance; scratch: string } {
  let opened: Awaited<ReturnType<TestDatabaseTarget['open']>> | undefined;
  let app: FastifyInstance | undefined;
  const scratch = scratchDir();
  beforeEach(async () => {
    opened = await target.open();
    app = await buildServer({ database: opened.database, logLevel: 'silent', now: () => now, checkResponses: true, evidence: { ...defaultEvidenceStoreConfig, directory: join(scratch, 'evidence') }, scratchDirectory: scratch });
    await ensureOwner(opened.database);
  });
  // Only what this test opened: a failed open leaves nothing to close, never the previous test's.
  afterEach(async () => {
    await app?.close();
    await opened?.dispose();
    app = undefined;
    opened = undefined;
  });
  return { database: () => opened!.database, app: () => app!, scratch };
}
