import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { verifyAuditLog } from './audit.js';
import { passwordMatches } from './passwords.js';
import { addUser, hasUsers, listUsers, removeUser, setUserRole } from './users.js';

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
});
