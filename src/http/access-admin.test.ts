import { describe, expect, it } from 'vitest';
import { createToken } from '../services/api-tokens.js';
import { addUser, setUserRole } from '../services/users.js';
import { ownerPassword, tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';

describe.each(testDatabases)('tokens, users and the audit log over HTTP on $name', (target) => {
  const server = useApiServer(target);
  const app = () => server.app();
  const database = () => server.database();

  const login = async () => {
    const response = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'owner', password: ownerPassword } });
    return { cookie: `rd_session=${response.cookies.find((c) => c.name === 'rd_session')!.value}`, 'x-csrf-token': (response.json() as { csrfToken: string }).csrfToken };
  };

  it('creates a token from a login session, lists it without its secret, and revokes it', async () => {
    const session = await login();
    const created = await app().inject({ method: 'POST', url: '/api/auth/tokens', headers: session, payload: { name: 'nightly export', accountId: 1, role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: number; role: string }; secret: string };
    expect(token.role).toBe('viewer');
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
    const listed = await app().inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie: session.cookie } });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: token.id, name: 'nightly export' })]);
    expect(listed.body).not.toContain(secret);
    expect((await app().inject({ method: 'DELETE', url: `/api/auth/tokens/${token.id}`, headers: session })).statusCode).toBe(200);
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
  });

  it('never lets a token make tokens, or revoke another user\'s', async () => {
    const viewer = await tokenFor(database(), 'viewer');
    const minted = await app().inject({ method: 'POST', url: '/api/auth/tokens', headers: { authorization: `Bearer ${viewer}` }, payload: { name: 'more', accountId: 1 } });
    expect(minted.statusCode).toBe(403);
    const session = await login();
    // Token 1 is the viewer's: to the owner's session it does not exist.
    expect((await app().inject({ method: 'DELETE', url: '/api/auth/tokens/1', headers: session })).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: { authorization: `Bearer ${viewer}` } })).statusCode).toBe(200);
  });

  it('shows an account\'s users to its owner, and its audit log and chain check to owners and managers', async () => {
    await tokenFor(database(), 'inspector');
    const owner = await tokenFor(database(), 'owner');
    const users = await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: { authorization: `Bearer ${owner}` } });
    expect((users.json().items as { username: string }[]).map((u) => u.username)).toEqual(['owner', 'as-inspector-1', 'as-owner-1']);
    const manager = await tokenFor(database(), 'manager');
    const audit = await app().inject({ method: 'GET', url: '/api/accounts/1/audit?limit=2', headers: { authorization: `Bearer ${manager}` } });
    expect((audit.json().items as { action: string; seq: number }[]).map((e) => [e.seq, e.action])).toEqual([[3, 'token.create'], [2, 'token.create']]);
    const verify = await app().inject({ method: 'GET', url: '/api/accounts/1/audit/verify', headers: { authorization: `Bearer ${manager}` } });
    expect(verify.json()).toEqual({ chain: 'account:1', entries: 3, broken: null });
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: { authorization: `Bearer ${manager}` } })).statusCode).toBe(403);
  });

  it('lists a user\'s roles only in the accounts the caller holds one in', async () => {
    await database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-11-27T00:00:00.000Z' }).execute();
    await addUser(database(), { username: 'both', password: 'both passphrase', role: 'agent', accountId: 1 }, 'test', '2026-11-27T09:00:00.000Z');
    await setUserRole(database(), 'both', 2, 'manager', 'test', '2026-11-27T09:00:00.000Z');
    const owner = await tokenFor(database(), 'owner');
    const users = await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: { authorization: `Bearer ${owner}` } });
    expect((users.json().items as { username: string; roles: object }[]).find((u) => u.username === 'both')!.roles).toEqual({ 1: 'agent' });
  });

  it('keeps a token to its own account: its user\'s tokens and roles elsewhere are not its to see or revoke', async () => {
    await database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-11-27T00:00:00.000Z' }).execute();
    const at = '2026-11-27T09:00:00.000Z';
    await addUser(database(), { username: 'both', password: 'both passphrase', role: 'agent', accountId: 1 }, 'test', at);
    await setUserRole(database(), 'both', 2, 'manager', 'test', at);
    const first = await createToken(database(), { username: 'both', accountId: 1, name: 'shop one' }, 'test', at);
    const second = await createToken(database(), { username: 'both', accountId: 2, name: 'shop two' }, 'test', at);
    const headers = { authorization: `Bearer ${first.secret}` };
    const listed = await app().inject({ method: 'GET', url: '/api/auth/tokens', headers });
    expect((listed.json().items as { id: number }[]).map((t) => t.id)).toEqual([first.token.id]);
    expect((await app().inject({ method: 'DELETE', url: `/api/auth/tokens/${second.token.id}`, headers })).statusCode).toBe(404);
    const me = await app().inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json().user.roles).toEqual({ 1: 'agent' });
    expect((await app().inject({ method: 'DELETE', url: `/api/auth/tokens/${first.token.id}`, headers })).statusCode).toBe(200);
  });
});
