import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../storage/database.js';
import { openDatabase } from './open-database.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { authenticateToken, createToken, listTokens, revokeToken } from './api-tokens.js';
import { addUser, removeUser, setUserRole } from './users.js';

const now = '2026-11-27T10:00:00.000Z';

describe.each(testDatabases)('API tokens on $name', (target) => {
  const db = useFreshDatabase(target);
  const setUp = async () => {
    await addUser(db(), { username: 'mei', password: 'a long passphrase', role: 'owner', accountId: 1 }, 'cli:root', now);
    await addUser(db(), { username: 'ana', password: 'another passphrase', role: 'inspector', accountId: 1 }, 'cli:root', now);
  };

  it('shows the secret once, stores only its digest, and opens the account with the token\'s role', async () => {
    await setUp();
    const { token, secret } = await createToken(db(), { username: 'mei', accountId: 1, role: 'viewer', name: 'nightly export' }, 'user:1', now);
    expect(secret).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ prefix: secret.slice(0, 9), role: 'viewer', accountId: 1, name: 'nightly export', revokedAt: null });
    const stored = await db().db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db().db.selectFrom('audit_log').selectAll().execute())).not.toContain(secret);
    expect(await authenticateToken(db(), secret, now)).toEqual({ tokenId: token.id, userId: 1, accountId: 1, role: 'viewer' });
    expect(await authenticateToken(db(), `${secret.slice(0, -1)}x`, now)).toBeNull();
    expect(await authenticateToken(db(), 'rd_short', now)).toBeNull();
    expect((await listTokens(db(), 'mei')).map((t) => t.lastUsedAt)).toEqual([now]);
    // Used again within the minute: the time is not written again; a minute later it is.
    await authenticateToken(db(), secret, '2026-11-27T10:00:30.000Z');
    expect((await listTokens(db(), 'mei')).map((t) => t.lastUsedAt)).toEqual([now]);
    await authenticateToken(db(), secret, '2026-11-27T10:01:00.000Z');
    expect((await listTokens(db(), 'mei')).map((t) => t.lastUsedAt)).toEqual(['2026-11-27T10:01:00.000Z']);
  });

  it('never gives a token more than its user can do', async () => {
    await setUp();
    await expect(createToken(db(), { username: 'ana', accountId: 1, role: 'agent', name: 'x' }, 'user:2', now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createToken(db(), { username: 'ana', accountId: 2, name: 'x' }, 'user:2', now)).rejects.toMatchObject({ code: 'forbidden' });
    const { secret } = await createToken(db(), { username: 'ana', accountId: 1, name: 'scanner' }, 'user:2', now);
    expect((await authenticateToken(db(), secret, now))?.role).toBe('inspector');
    // Ana becomes a viewer: her inspector token no longer opens anything.
    await setUserRole(db(), 'ana', 1, 'viewer', 'user:1', now);
    expect(await authenticateToken(db(), secret, now)).toBeNull();
  });

  it('opens nothing once revoked, or once its user is removed', async () => {
    await setUp();
    const first = await createToken(db(), { username: 'mei', accountId: 1, name: 'one' }, 'user:1', now);
    const second = await createToken(db(), { username: 'ana', accountId: 1, name: 'two' }, 'user:2', now);
    // Both used first, so that what the server keeps of them between commits is tried too.
    expect(await authenticateToken(db(), first.secret, now)).not.toBeNull();
    expect(await authenticateToken(db(), second.secret, now)).not.toBeNull();
    await revokeToken(db(), first.token.id, 'user:1', now);
    await expect(revokeToken(db(), first.token.id, 'user:1', now)).rejects.toMatchObject({ code: 'conflict' });
    expect(await authenticateToken(db(), first.secret, now)).toBeNull();
    await removeUser(db(), 'ana', 'user:1', now);
    expect(await authenticateToken(db(), second.secret, now)).toBeNull();
    expect((await listTokens(db())).map((t) => [t.name, t.revokedAt])).toEqual([['two', now], ['one', now]]);
  });
});

describe.each(testDatabases)('a token revoked by another process on $name', (target) => {
  it('opens nothing from the next request on', async () => {
    const { database, location, dispose } = await target.open();
    // Another process on the same database: the command line revoking while the server runs.
    const other = createDatabase(location);
    try {
      await addUser(database, { username: 'mei', password: 'a long passphrase', role: 'owner', accountId: 1 }, 'cli:root', now);
      const { token, secret } = await createToken(database, { username: 'mei', accountId: 1, name: 'script' }, 'user:1', now);
      expect(await authenticateToken(database, secret, now)).not.toBeNull();
      expect(await authenticateToken(database, secret, now)).not.toBeNull();
      await revokeToken(other, token.id, 'cli:root', now);
      expect(await authenticateToken(database, secret, now)).toBeNull();
    } finally {
      await other.close();
      await dispose();
    }
  });
});

describe('a token used while a change is being written (SQLite file)', () => {
  it('records its last use after the change instead of freezing the process on the file lock', async () => {
    const { database } = await openDatabase(join(mkdtempSync(join(tmpdir(), 'returndesk-touch-')), 'touch.sqlite'));
    try {
      await addUser(database, { username: 'mei', password: 'a long passphrase', role: 'owner', accountId: 1 }, 'cli:root', now);
      const { secret } = await createToken(database, { username: 'mei', accountId: 1, name: 'script' }, 'user:1', now);
      const order: string[] = [];
      // A change holding the write lock while it awaits, as an HTTP write does between its queries.
      const change = database.transaction(async (tx) => {
        await tx.db.updateTable('users').set({ display_name: 'Mei' }).where('username', '=', 'mei').execute();
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push('change committed');
      });
      const later = '2026-11-27T11:00:00.000Z';
      const identity = authenticateToken(database, secret, later).then((found) => { order.push('token checked'); return found; });
      await Promise.all([change, identity]);
      expect(order).toEqual(['change committed', 'token checked']);
      const stored = await database.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow();
      expect(stored.last_used_at).toBe(later);
    } finally {
      await database.close();
    }
  });
});
