import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { addAccount, addOwnedAccount, listAccountsWithRoles } from './accounts.js';
import { addUser, listUsers } from './users.js';

const now = '2026-11-27T10:00:00.000Z';

describe.each(testDatabases)('seller accounts on $name', (target) => {
  const db = useFreshDatabase(target);

  it('adds an account owned by the owner who asks, with both changes audited in one go', async () => {
    const mei = await addUser(db(), { username: 'mei', password: 'a long passphrase', role: 'owner', accountId: 1 }, 'cli:root', now);
    expect(await addOwnedAccount(db(), ' Second shop ', mei.id, `user:${mei.id}`, now)).toEqual({ id: 2, name: 'Second shop', createdAt: now, role: 'owner' });
    expect((await listUsers(db()))[0]!.roles).toEqual({ 1: 'owner', 2: 'owner' });
    const audit = await db().db.selectFrom('audit_log').select(['chain', 'actor', 'action', 'subject']).orderBy('id').execute();
    expect(audit.slice(1)).toEqual([
      { chain: 'instance', actor: 'user:1', action: 'account.add', subject: 'account:2' },
      { chain: 'instance', actor: 'user:1', action: 'user.role', subject: 'user:1' },
    ]);
  });

  it('refuses a user who owns no account, and a taken name, adding nothing', async () => {
    const ana = await addUser(db(), { username: 'ana', password: 'a long passphrase', role: 'manager', accountId: 1 }, 'cli:root', now);
    await expect(addOwnedAccount(db(), 'Mine', ana.id, 'user:1', now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addOwnedAccount(db(), 'Mine', 99, 'user:99', now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addAccount(db(), 'DEFAULT account', 'cli:root', now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(addAccount(db(), ' ', 'cli:root', now)).rejects.toThrow('Name the seller account (1 to 100 characters).');
    expect((await db().db.selectFrom('seller_accounts').select('id').execute()).length).toBe(1);
  });

  it('lists only the accounts of the roles given, a page at a time', async () => {
    await addAccount(db(), 'Second shop', 'cli:root', now);
    await addAccount(db(), 'Third shop', 'cli:root', now);
    const roles = { 1: 'viewer', 3: 'owner' } as const;
    expect(await listAccountsWithRoles(db(), roles, { limit: 10, offset: 0 })).toEqual({ items: [
      { id: 1, name: 'Default account', createdAt: expect.any(String), role: 'viewer' },
      { id: 3, name: 'Third shop', createdAt: now, role: 'owner' },
    ], total: 2 });
    expect(await listAccountsWithRoles(db(), roles, { limit: 1, offset: 1 })).toMatchObject({ items: [{ id: 3 }], total: 2 });
  });
});
