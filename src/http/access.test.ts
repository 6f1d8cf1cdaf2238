import { describe, expect, it } from 'vitest';
import { ownerPassword, tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { can, roles } from '../domain/access/permissions.js';
import { revokeToken } from '../services/api-tokens.js';
import { serverRoutes } from './server.js';

// Every route checks who is asking (docs/security.md#http-api): walked from the routes the server
// registered, so a route added later is checked without touching this test.

/** A path of the route with its parameters filled: account 1, record 1. */
const pathOf = (url: string) => url.replace(':accountId', '1').replace(/:[A-Za-z]+/g, '1');

describe.each(testDatabases)('access to the HTTP API on $name', (target) => {
  const server = useApiServer(target);
  const app = () => server.app();
  const database = () => server.database();

  const loginAs = async (username: string, password: string) => app().inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const sessionOf = (response: { cookies: { name: string; value: string }[]; json: () => unknown }) => ({
    cookie: `rd_session=${response.cookies.find((c) => c.name === 'rd_session')!.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken,
  });

  it('refuses an anonymous request on every route but health, login and the first run', async () => {
    const routes = serverRoutes(app());
    expect(routes.length).toBeGreaterThan(4);
    for (const route of routes) {
      const response = await app().inject({ method: route.method as 'GET', url: pathOf(route.url) });
      if ('public' in route.access) expect([route.url, response.statusCode]).not.toEqual([route.url, 401]);
      else expect([route.method, route.url, response.statusCode, response.json().error.code]).toEqual([route.method, route.url, 401, 'unauthenticated']);
    }
    const open = routes.filter((r) => 'public' in r.access);
    expect(open.filter((r) => !r.url.startsWith('/api/docs')).map((r) => r.url).sort()).toEqual(['/api/auth/login', '/api/health', '/api/openapi.json', '/api/setup', '/api/setup']);
    // The docs page only shows the document: nothing public writes but the login and the first run
    // (which needs the setup code and works only while there are no users: setup.test.ts).
    expect(open.filter((r) => r.method !== 'GET').map((r) => r.url)).toEqual(['/api/auth/login', '/api/setup']);
  });

  it('declares what every route answers, which the tests then hold it to', async () => {
    const undeclared = serverRoutes(app()).filter((r) => !r.url.startsWith('/api/docs') && !Object.keys(r.replies ?? {}).some((status) => status.startsWith('2')));
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('honours the permission matrix on every route for every role', async () => {
    for (const role of roles) {
      const token = await tokenFor(database(), role);
      for (const route of serverRoutes(app()).filter((r) => 'permission' in r.access)) {
        const permission = (route.access as { permission: Parameters<typeof can>[1] }).permission;
        const response = await app().inject({ method: route.method as 'GET', url: pathOf(route.url), headers: { authorization: `Bearer ${token}` } });
        const refused = response.statusCode === 403;
        expect([role, route.method, route.url, refused]).toEqual([role, route.method, route.url, !can(role, permission)]);
        expect(response.statusCode).not.toBe(401);
      }
    }
  });

  it('never shows another seller account: its paths read as not found, with a token or a session', async () => {
    await database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-11-27T00:00:00.000Z' }).execute();
    const token = await tokenFor(database(), 'owner');
    for (const url of ['/api/accounts/2/returns', '/api/accounts/2/returns/1', '/api/accounts/99/returns', '/api/accounts/1%20or%201=1/returns', '/api/accounts/..%2F..%2Fetc/returns']) {
      const response = await app().inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, 404, 'not_found']);
    }
    const session = sessionOf(await loginAs('owner', ownerPassword));
    expect((await app().inject({ method: 'GET', url: '/api/accounts/2/returns', headers: { cookie: session.cookie } })).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it('logs in with a fresh HttpOnly SameSite session, never the cookie the browser brought', async () => {
    const planted = 'A'.repeat(43);
    const response = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'OWNER', password: ownerPassword }, headers: { cookie: `rd_session=${planted}` } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'rd_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api', maxAge: 12 * 3600 });
    expect(cookie.value).not.toBe(planted);
    expect(response.json()).toMatchObject({ user: { username: 'owner', roles: { 1: 'owner' } }, csrfToken: expect.stringMatching(/^[\w-]{43}$/) });
    expect((await app().inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `rd_session=${planted}` } })).statusCode).toBe(401);
    const me = await app().inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `rd_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ via: 'session', user: { username: 'owner' } });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('needs the CSRF token for a write on a session, and ends the session on logout', async () => {
    const session = sessionOf(await loginAs('owner', ownerPassword));
    const logout = (headers: Record<string, string>) => app().inject({ method: 'POST', url: '/api/auth/logout', headers });
    const refused = await logout({ cookie: session.cookie });
    expect([refused.statusCode, refused.json().error.details]).toEqual([403, { reason: 'csrf' }]);
    expect((await logout({ cookie: session.cookie, 'x-csrf-token': 'B'.repeat(43) })).statusCode).toBe(403);
    expect((await logout({ cookie: session.cookie, 'x-csrf-token': session.csrf })).statusCode).toBe(204);
    expect((await app().inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('says only that a name and password do not match, and slows a guesser down with 429', async () => {
    const wrong = await loginAs('owner', 'not the password');
    expect([wrong.statusCode, wrong.json()]).toEqual([401, { error: { code: 'unauthenticated', message: 'The username and password do not match.', details: {} } }]);
    expect((await loginAs('nobody', 'not the password')).json().error.message).toBe('The username and password do not match.');
    for (let i = 0; i < 9; i++) await loginAs('owner', `guess ${i} guess`);
    // The 11th try within 15 minutes, the right password or not.
    const limited = await loginAs('owner', ownerPassword);
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'rate_limited']);
    // Another user from the same address is not locked out by the guesser.
    expect((await loginAs('nobody', 'not the password')).statusCode).toBe(401);
  });

  it('refuses a revoked token, a malformed header even beside a good cookie, and malformed JSON', async () => {
    const token = await tokenFor(database(), 'viewer');
    const me = (headers: Record<string, string>) => app().inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    await revokeToken(database(), 1, 'test', '2026-11-27T10:00:00.000Z');
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    const session = sessionOf(await loginAs('owner', ownerPassword));
    expect((await me({ authorization: 'Basic b3duZXI6eA==', cookie: session.cookie })).statusCode).toBe(401);
    const bad = await app().inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "owner", ' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_input']);
  });
});
