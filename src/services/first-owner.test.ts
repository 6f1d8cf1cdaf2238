import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { listAccounts } from './accounts.js';
import { instanceChain, recentChanges } from './audit.js';
import { createFirstOwner, newSetupCode, setupCodeMatches } from './first-owner.js';
import { addUser, listUsers } from './users.js';

const at = '2026-11-28T08:00:00.000Z';
const mei = { username: 'mei', password: 'mei passphrase 1', displayName: 'Mei Lin', accountName: 'Mei Home Goods' };

describe('setup codes', () => {
  it('are four groups of four unambiguous characters, different each time', () => {
    const codes = Array.from({ length: 50 }, newSetupCode);
    for (const code of codes) expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){3}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('match as typed in any case, with or without dashes and spaces, and nothing else', () => {
    const code = 'K7QM-3XPA-9RTD-HCWF';
    expect(setupCodeMatches(code, 'K7QM-3XPA-9RTD-HCWF')).toBe(true);
    expect(setupCodeMatches(code, ' k7qm 3xpa 9rtd hcwf ')).toBe(true);
    expect(setupCodeMatches(code, 'K7QM3XPA9RTDHCWF')).toBe(true);
    expect(setupCodeMatches(code, 'K7QM-3XPA-9RTD-HCWG')).toBe(false);
    expect(setupCodeMatches(code, 'K7QM-3XPA-9RTD')).toBe(false);
    expect(setupCodeMatches(code, '')).toBe(false);
  });
});

describe.each(testDatabases)('createFirstOwner on $name', (target) => {
  it('makes the first user the owner of the default account, names the account, and audits both', async () => {
    const { database, dispose } = await target.open();
    try {
      const { user, account } = await createFirstOwner(database, mei, at);
      expect(user).toMatchObject({ username: 'mei', displayName: 'Mei Lin', roles: { 1: 'owner' }, hasPassword: true });
      expect(account).toEqual({ id: 1, name: 'Mei Home Goods', createdAt: expect.any(String) });
      expect((await listAccounts(database)).map((a) => a.name)).toEqual(['Mei Home Goods']);
      const changes = await recentChanges(database, instanceChain, 10);
      expect(changes.map((c) => [c.action, c.actor])).toEqual(expect.arrayContaining([['user.add', 'setup:mei'], ['account.rename', 'setup:mei']]));
      expect(changes.find((c) => c.action === 'account.rename')).toMatchObject({ before: expect.stringContaining('Default account'), after: expect.stringContaining('Mei Home Goods') });
    } finally {
      await dispose();
    }
  });

  it('keeps the account\'s name when none is given', async () => {
    const { database, dispose } = await target.open();
    try {
      expect((await createFirstOwner(database, { username: 'mei', password: 'mei passphrase 1' }, at)).account).toBeNull();
      expect((await listAccounts(database)).map((a) => a.name)).toEqual(['Default account']);
    } finally {
      await dispose();
    }
  });

  it('refuses once anyone can log in, and changes nothing', async () => {
    const { database, dispose } = await target.open();
    try {
      await addUser(database, { username: 'owner', password: 'owner passphrase 1', role: 'owner', accountId: 1 }, 'test', at);
      await expect(createFirstOwner(database, mei, at)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already has its owner/) });
      expect((await listUsers(database)).map((u) => u.username)).toEqual(['owner']);
      expect((await listAccounts(database)).map((a) => a.name)).toEqual(['Default account']);
    } finally {
      await dispose();
    }
  });

  it('lets only one of two first-run forms sent at once through', async () => {
    const { database, dispose } = await target.open();
    try {
      const results = await Promise.allSettled([createFirstOwner(database, mei, at), createFirstOwner(database, { ...mei, username: 'ana', accountName: 'Ana Shop' }, at)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await listUsers(database)).toHaveLength(1);
    } finally {
      await dispose();
    }
  });

  it('checks the name and the password like any new user, before writing anything', async () => {
    const { database, dispose } = await target.open();
    try {
      await expect(createFirstOwner(database, { username: 'mei', password: 'short' }, at)).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(createFirstOwner(database, { ...mei, accountName: 'x'.repeat(101) }, at)).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await listUsers(database)).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
