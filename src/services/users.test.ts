import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { verifyAuditLog } from './audit.js';
import { passwordMatches } from './passwords.js';
import { addAccount } from './accounts.js';
import { createToken } from './api-tokens.js';
import { addAccountUser, addUser, hasUsers, listUsers, removeAccountUser, removeUser, setAccountUserRole, setUserRole } from './users.js';

const now = '2026-11-27T10:00:00.000Z';
const owner = { username: 'mei', password: 'a long passphrase', role: 'owner', accountId: 1 };

describe.each(testDatabases)('users on $name', (target) => {
  const db = useFreshDatabase(target);

  it('adds a user with an argon2id password hash and a role, and audits it without the hash', async () => {
    expect(await hasUsers(db())).toBe(false);
    const user = await addUser(db(), { ...owner, displayName: 'Mei Lin' }, 'cli:root', now);
    expect(user).toMatchObject({ username: 'mei', displayName: 'Mei Lin', hasPassword: true, roles: { 1: 'owner' }, disabledAt: null });
    expect(await hasUsers(db())).toBe(true);
    const stored = await db().db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(await passwordMatches(stored.password_hash!, 'a long passphrase')).toBe(true);
    expect(await passwordMatches(stored.password_hash!, 'a long passphrasE')).toBe(false);
    const audit = await db().db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => [a.chain, a.seq, a.actor, a.action, a.subject])).toEqual([['instance', 1, 'cli:root', 'user.add', `user:${user.id}`]]);
    expect(audit[0]!.after).not.toContain('argon2');
  });

  it('refuses a taken name in any case, a short password, the username as password, an unknown role or account', async () => {
    await addUser(db(), owner, 'cli:root', now);
    await expect(addUser(db(), { ...owner, username: 'MEI' }, 'cli:root', now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(addUser(db(), { ...owner, username: 'li', password: 'short' }, 'cli:root', now)).rejects.toThrow(/at least 10 characters/);
    await expect(addUser(db(), { ...owner, username: 'warehouse1', password: 'Warehouse1' }, 'cli:root', now)).rejects.toThrow(/not be the username/);
    await expect(addUser(db(), { ...owner, username: 'li', role: 'admin' }, 'cli:root', now)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(addUser(db(), { ...owner, username: 'li', accountId: 9 }, 'cli:root', now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(addUser(db(), { ...owner, username: 'li wei' }, 'cli:root', now)).rejects.toThrow(/no spaces/);
    expect((await listUsers(db())).map((u) => u.username)).toEqual(['mei']);
  });

  it('keeps an owner on every account: the last one can be neither removed nor moved down', async () => {
    await addUser(db(), owner, 'cli:root', now);
    await addUser(db(), { ...owner, username: 'ana', role: 'inspector' }, 'cli:root', now);
    await expect(removeUser(db(), 'mei', 'cli:root', now)).rejects.toThrow(/last owner of seller account 1/);
    await expect(setUserRole(db(), 'mei', 1, 'manager', 'cli:root', now)).rejects.toMatchObject({ code: 'conflict' });
    await setUserRole(db(), 'ana', 1, 'owner', 'cli:root', now);
    const removed = await removeUser(db(), 'MEI', 'user:2', now);
    expect(removed.disabledAt).toBe(now);
    await expect(removeUser(db(), 'mei', 'user:2', now)).rejects.toThrow(/already removed/);
    const checks = await verifyAuditLog(db());
    expect(checks).toEqual([{ chain: 'instance', entries: 4, broken: null }]);
  });

  describe('an account\'s users, as its owners manage them', () => {
    const manager = { actor: 'user:1', accountIds: [1] };

    it('adds a new user, or gives a user the manager already sees elsewhere a role here; anyone else is only "already a user"', async () => {
      await addUser(db(), owner, 'cli:root', now);
      await addAccount(db(), 'Second shop', 'cli:root', now);
      const ana = await addAccountUser(db(), 1, { username: 'ana', password: 'ana passphrase', role: 'agent' }, manager, now);
      expect(ana).toMatchObject({ created: true, user: { username: 'ana', roles: { 1: 'agent' } } });
      const here = await addAccountUser(db(), 2, { username: 'Ana', role: 'viewer' }, { actor: 'user:1', accountIds: [1, 2] }, now);
      expect(here).toMatchObject({ created: false, user: { id: ana.user.id, roles: { 1: 'agent', 2: 'viewer' } } });
      // A manager of account 2 only does not see mei: the name is just taken.
      await expect(addAccountUser(db(), 2, { username: 'mei', password: 'other passphrase', role: 'viewer' }, { actor: 'user:9', accountIds: [2] }, now))
        .rejects.toThrow('There is already a user "mei".');
      await expect(addAccountUser(db(), 1, { username: 'ana', role: 'viewer' }, manager, now)).rejects.toThrow(/already agent in seller account 1/);
      await expect(addAccountUser(db(), 1, { username: 'li', role: 'viewer' }, manager, now)).rejects.toThrow('A new user needs a password');
    });

    it('changes and takes away a role by user id; a user of another account reads as not found', async () => {
      await addUser(db(), owner, 'cli:root', now);
      await addAccount(db(), 'Second shop', 'cli:root', now);
      const ana = await addUser(db(), { ...owner, username: 'ana', role: 'agent' }, 'cli:root', now);
      const li = await addUser(db(), { ...owner, username: 'li', role: 'owner', accountId: 2 }, 'cli:root', now);
      expect((await setAccountUserRole(db(), 1, ana.id, 'inspector', 'user:1', now)).roles).toEqual({ 1: 'inspector' });
      await expect(setAccountUserRole(db(), 1, li.id, 'viewer', 'user:1', now)).rejects.toThrow(`There is no user ${li.id} in seller account 1.`);
      await expect(removeAccountUser(db(), 1, li.id, 'user:1', now)).rejects.toMatchObject({ code: 'not_found' });
      await setUserRole(db(), 'ana', 2, 'agent', 'cli:root', now);
      const { secret } = await createToken(db(), { username: 'ana', accountId: 1, name: 'script' }, 'cli:root', now);
      const kept = await removeAccountUser(db(), 1, ana.id, 'user:1', now);
      expect(kept).toMatchObject({ roles: { 2: 'agent' }, disabledAt: null });
      expect(secret).toMatch(/^rd_/);
      expect(await db().db.selectFrom('api_tokens').select('revoked_at').execute()).toEqual([{ revoked_at: now }]);
      const gone = await removeAccountUser(db(), 2, ana.id, 'user:1', now);
      expect(gone).toMatchObject({ roles: {}, disabledAt: now });
      const actions = await db().db.selectFrom('audit_log').select('action').where('subject', '=', `user:${ana.id}`).orderBy('id').execute();
      expect(actions.map((a) => a.action)).toEqual(['user.add', 'user.role', 'user.role', 'user.role.remove', 'user.remove']);
      expect(await verifyAuditLog(db())).toContainEqual({ chain: 'instance', entries: expect.any(Number), broken: null });
    });

    // SQLite has one writer, so the race is PostgreSQL's (read committed: both would count two owners).
    it.skipIf(target.name === 'sqlite')('leaves one owner when two owners demote each other at once', async () => {
      await addUser(db(), owner, 'cli:root', now);
      const ana = await addUser(db(), { ...owner, username: 'ana' }, 'cli:root', now);
      await warmConnections(db());
      const results = await Promise.allSettled([
        setAccountUserRole(db(), 1, 1, 'manager', `user:${ana.id}`, now),
        setAccountUserRole(db(), 1, ana.id, 'manager', 'user:1', now),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await listUsers(db())).filter((u) => u.roles[1] === 'owner')).toHaveLength(1);
    });
  });
});

/** Two open connections, so the second transaction does not wait for a connection while the first runs alone. */
async function warmConnections(database: Database): Promise<void> {
  await Promise.all([1, 2].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
}
