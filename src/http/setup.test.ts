import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import type { Database } from '../services/open-database.js';
import { listUsers } from '../services/users.js';
import { buildServer } from './server.js';

const setupCode = 'K7QM-3XPA-9RTD-HCWF';
const owner = { username: 'mei', password: 'mei passphrase 1', displayName: 'Mei Lin', accountName: 'Mei Home Goods' };

describe.each(testDatabases)('the first-run routes on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const build = (code: string | undefined) => buildServer({ database, logLevel: 'silent', checkResponses: true, setupCode: code, now: () => '2026-11-28T08:00:00.000Z' });
  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    app = await build(setupCode);
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  const setup = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/setup', payload: body });
  const needsOwner = async () => (await app.inject({ method: 'GET', url: '/api/setup' })).json().needsOwner as boolean;

  it('creates the owner with the setup code, logs them in, and is closed from then on', async () => {
    expect(await needsOwner()).toBe(true);
    const created = await setup({ ...owner, setupCode: 'k7qm 3xpa 9rtd hcwf' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { username: 'mei', roles: { 1: 'owner' } }, account: { id: 1, name: 'Mei Home Goods' }, csrfToken: expect.any(String) });
    const cookie = created.cookies.find((c) => c.name === 'rd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { rd_session: cookie!.value } });
    expect(me.json().user.username).toBe('mei');
    expect(await needsOwner()).toBe(false);
    const again = await setup({ ...owner, username: 'ana', setupCode });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);
    expect((await listUsers(database)).map((u) => u.username)).toEqual(['mei']);
  });

  it('refuses a wrong code, and a server started without one, creating nobody', async () => {
    const wrong = await setup({ ...owner, setupCode: 'AAAA-AAAA-AAAA-AAAA' });
    expect([wrong.statusCode, wrong.json().error.details.reason]).toEqual([403, 'setup_code']);
    await app.close();
    app = await build(undefined);
    const none = await setup({ ...owner, setupCode });
    expect([none.statusCode, none.json().error.details.reason]).toEqual([403, 'no_setup_code']);
    expect(none.json().error.message).toContain('returndesk user add NAME --role owner');
    expect(await listUsers(database)).toEqual([]);
    expect(await needsOwner()).toBe(true);
  });

  it('slows a code guesser down with 429 after 10 tries from one address', async () => {
    for (let i = 0; i < 10; i++) expect((await setup({ ...owner, setupCode: `WRONG-${i}` })).statusCode).toBe(403);
    const limited = await setup({ ...owner, setupCode });
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'rate_limited']);
    expect(await listUsers(database)).toEqual([]);
  });

  it('says what is wrong with a bad name, password or body', async () => {
    expect((await setup({ ...owner, password: 'short', setupCode })).json().error.code).toBe('invalid_input');
    expect((await setup({ ...owner, setupCode, role: 'owner' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/json' }, payload: '{"setupCode":' })).statusCode).toBe(400);
    expect(await listUsers(database)).toEqual([]);
  });
});
