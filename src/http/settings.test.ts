import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ownerPassword, tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { addAccount } from '../services/accounts.js';
import { addUser, setUserRole } from '../services/users.js';

// The settings screens' API (docs/api/settings.md): the policy, an account's users, seller accounts.

const at = '2026-11-27T09:00:00.000Z';
const badPolicy = { ...defaultPolicy, saveOfferLadderBps: [1000, 1500, 20000], resaleValueByGradeBps: { ...defaultPolicy.resaleValueByGradeBps, good: -1 } };
const cheaperPolicy = { ...defaultPolicy, saveOfferLadderBps: [500, 1000, 1500] };
const agentPassword = 'agent passphrase 77';

describe.each(testDatabases)('the settings API on $name', (target) => {
  const server = useApiServer(target);
  const app = () => server.app();
  const database = () => server.database();

  /** A login session's headers for writes: the cookie and its CSRF token. */
  const login = async (username: string, password: string) => {
    const response = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: `rd_session=${response.cookies.find((c) => c.name === 'rd_session')!.value}`, 'x-csrf-token': (response.json() as { csrfToken: string }).csrfToken };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenIdOf = async (token: string) => ((await app().inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).json() as { token: { id: number } }).token.id;
  const auditRows = () => database().db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const policyRows = async () => (await database().db.selectFrom('policies').select('version').execute()).length;

  describe('policy', () => {
    const readPolicy = (headers: Record<string, string>) => app().inject({ method: 'GET', url: '/api/accounts/1/policy', headers });

    it('lets a viewer read the policy in force, and refuses them validating or applying one', async () => {
      const viewer = bearer(await tokenFor(database(), 'viewer'));
      const shown = await readPolicy(viewer);
      expect([shown.statusCode, shown.headers.etag]).toEqual([200, '"0"']);
      expect(shown.json()).toMatchObject({ version: 0, origin: 'default', appliedAt: null, policy: { saveOfferLadderBps: defaultPolicy.saveOfferLadderBps } });
      for (const [method, url] of [['POST', '/api/accounts/1/policy/validate'], ['PUT', '/api/accounts/1/policy']] as const) {
        const refused = await app().inject({ method, url, headers: viewer, payload: cheaperPolicy });
        expect([url, refused.statusCode, refused.json().error.details]).toEqual([url, 403, { role: 'viewer', permission: 'configure' }]);
      }
      expect(await policyRows()).toBe(0);
    });

    it('validates a policy live: every error with its path, ok for a good one, YAML too, and writes nothing', async () => {
      const manager = bearer(await tokenFor(database(), 'manager'));
      const validate = (payload: unknown, headers: Record<string, string> = {}) => app().inject({ method: 'POST', url: '/api/accounts/1/policy/validate', headers: { ...manager, ...headers }, payload: payload as string });
      const bad = await validate(badPolicy);
      expect([bad.statusCode, bad.json()]).toEqual([200, { ok: false, errors: [
        { path: 'saveOfferLadderBps[2]', message: 'must be at most 10000' },
        { path: 'resaleValueByGradeBps.good', message: 'must be at least 0' },
      ] }]);
      expect((await validate(cheaperPolicy)).json()).toEqual({ ok: true, errors: [] });
      expect((await validate(stringify(cheaperPolicy), { 'content-type': 'application/yaml' })).json()).toEqual({ ok: true, errors: [] });
      expect((await validate('saveOfferLadderBps: [20000]\n', { 'content-type': 'text/yaml' })).json().errors).toContainEqual({ path: 'saveOfferLadderBps[0]', message: 'must be at most 10000' });
      const unreadable = await validate('a: [1, 2\nb: }', { 'content-type': 'application/yaml' });
      expect([unreadable.statusCode, unreadable.json().error.message]).toEqual([400, expect.stringMatching(/^API request cannot be read as JSON or YAML/)]);
      expect(unreadable.json().error.details.errors[0].path).toMatch(/^line \d+, column \d+$/);
      const empty = await app().inject({ method: 'POST', url: '/api/accounts/1/policy/validate', headers: manager });
      expect([empty.statusCode, empty.json().error.message]).toEqual([400, expect.stringContaining('Send the policy as the request body')]);
      expect(await policyRows()).toBe(0);
      expect((await auditRows()).filter((r) => r.action === 'policy.apply')).toEqual([]);
    });

    it('refuses to apply a bad policy with every error and writes nothing', async () => {
      const owner = bearer(await tokenFor(database(), 'owner'));
      const refused = await app().inject({ method: 'PUT', url: '/api/accounts/1/policy', headers: owner, payload: badPolicy });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^API request is not a valid policy \(2 errors\)/), details: { errors: [
        { path: 'saveOfferLadderBps[2]', message: 'must be at most 10000' },
        { path: 'resaleValueByGradeBps.good', message: 'must be at least 0' },
      ] } });
      expect((await readPolicy(owner)).json()).toMatchObject({ version: 0, origin: 'default' });
      expect(await policyRows()).toBe(0);
      expect((await auditRows()).filter((r) => r.action === 'policy.apply')).toEqual([]);
    });

    it('applies a good policy, which GET then answers, with an audit entry naming the token or the user', async () => {
      const token = await tokenFor(database(), 'manager');
      const applied = await app().inject({ method: 'PUT', url: '/api/accounts/1/policy', headers: bearer(token), payload: cheaperPolicy });
      expect([applied.statusCode, applied.headers.etag, applied.json()]).toEqual([200, '"1"', { version: 1, changed: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      expect((await readPolicy(bearer(token))).json()).toMatchObject({ version: 1, origin: 'applied', sourceName: 'API request', appliedAt: '2026-11-27T12:00:00.000Z', policy: { saveOfferLadderBps: [500, 1000, 1500] } });

      const session = await login('owner', ownerPassword);
      const yaml = { ...session, 'content-type': 'application/yaml', 'if-match': '"1"' };
      const second = await app().inject({ method: 'PUT', url: '/api/accounts/1/policy?source=policy.yaml', headers: yaml, payload: stringify(defaultPolicy) });
      expect([second.statusCode, second.json().version]).toEqual([200, 2]);
      expect((await readPolicy(bearer(token))).json()).toMatchObject({ version: 2, sourceName: 'policy.yaml' });

      const entries = (await auditRows()).filter((r) => r.action === 'policy.apply');
      expect(entries.map((r) => [r.chain, r.actor, r.subject])).toEqual([
        ['account:1', `token:${await tokenIdOf(token)}`, 'policy:1'],
        ['account:1', 'user:1', 'policy:2'],
      ]);
      expect(JSON.parse(entries[1]!.before!)).toMatchObject({ version: 1, sourceName: 'API request' });
      expect(JSON.parse(entries[1]!.after!)).toMatchObject({ version: 2, sourceName: 'policy.yaml', sha256: second.json().sha256 });
    });

    it('refuses a change made on an older version (stale If-Match: 409) and stores the same content as nothing new', async () => {
      const owner = bearer(await tokenFor(database(), 'owner'));
      const put = (payload: unknown, ifMatch?: string) => app().inject({ method: 'PUT', url: '/api/accounts/1/policy', headers: { ...owner, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload: payload as object });
      expect((await put(cheaperPolicy, '"0"')).statusCode).toBe(200);
      const stale = await put(defaultPolicy, '"0"');
      expect([stale.statusCode, stale.json().error.code, stale.json().error.message]).toEqual([409, 'conflict', expect.stringContaining('changed since version 0')]);
      const malformed = await put(defaultPolicy, 'version 1');
      expect([malformed.statusCode, malformed.json().error.message]).toEqual([400, expect.stringContaining('If-Match must be the policy\'s ETag')]);
      expect((await put(cheaperPolicy)).json()).toMatchObject({ version: 1, changed: false });
      expect(await policyRows()).toBe(1);
      expect((await auditRows()).filter((r) => r.action === 'policy.apply')).toHaveLength(1);
    });

    it('never shows or changes another account\'s policy', async () => {
      await addAccount(database(), 'Second shop', 'test', at);
      const owner = bearer(await tokenFor(database(), 'owner'));
      expect((await app().inject({ method: 'GET', url: '/api/accounts/2/policy', headers: owner })).statusCode).toBe(404);
      expect((await app().inject({ method: 'PUT', url: '/api/accounts/2/policy', headers: owner, payload: cheaperPolicy })).statusCode).toBe(404);
      expect(await policyRows()).toBe(0);
    });
  });

  describe('users', () => {
    const addToAccount = (headers: Record<string, string>, payload: object, account = 1) => app().inject({ method: 'POST', url: `/api/accounts/${account}/users`, headers, payload });

    it('lets an owner add an agent who can then log in, and who is refused the users routes', async () => {
      const owner = await login('owner', ownerPassword);
      const added = await addToAccount(owner, { username: 'ana', displayName: 'Ana Ruiz', password: agentPassword, role: 'agent' });
      expect([added.statusCode, added.json()]).toEqual([201, expect.objectContaining({ username: 'ana', displayName: 'Ana Ruiz', roles: { 1: 'agent' }, hasPassword: true, disabledAt: null })]);
      const ana = await login('ana', agentPassword);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: ana })).statusCode).toBe(200);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: ana })).statusCode).toBe(403);
      expect((await addToAccount(ana, { username: 'ben', password: 'ben passphrase 1', role: 'owner' })).statusCode).toBe(403);
      expect((await app().inject({ method: 'PUT', url: '/api/accounts/1/users/1/role', headers: ana, payload: { role: 'viewer' } })).statusCode).toBe(403);
      const audit = (await auditRows()).filter((r) => r.action === 'user.add' && r.subject === `user:${added.json().id}`);
      expect(audit.map((r) => [r.chain, r.actor])).toEqual([['instance', 'user:1']]);
    });

    it('changes a role, and takes a user out of the account: removed when it was their last one', async () => {
      const owner = await login('owner', ownerPassword);
      const id = (await addToAccount(owner, { username: 'ana', password: agentPassword, role: 'agent' })).json().id as number;
      const changed = await app().inject({ method: 'PUT', url: `/api/accounts/1/users/${id}/role`, headers: owner, payload: { role: 'inspector' } });
      expect([changed.statusCode, changed.json().roles]).toEqual([200, { 1: 'inspector' }]);
      const ana = await login('ana', agentPassword);
      const removed = await app().inject({ method: 'DELETE', url: `/api/accounts/1/users/${id}`, headers: owner });
      expect([removed.statusCode, removed.body]).toEqual([204, '']);
      // Her session ended with her only account; she can no longer log in.
      expect((await app().inject({ method: 'GET', url: '/api/auth/me', headers: ana })).statusCode).toBe(401);
      expect((await app().inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: agentPassword } })).statusCode).toBe(401);
      expect((await app().inject({ method: 'DELETE', url: `/api/accounts/1/users/${id}`, headers: owner })).statusCode).toBe(404);
      expect((await auditRows()).filter((r) => r.subject === `user:${id}`).map((r) => r.action)).toEqual(['user.add', 'user.role', 'user.remove']);
    });

    it('keeps the last owner: neither demoted nor removed (409), and nothing is written', async () => {
      const owner = await login('owner', ownerPassword);
      const before = (await auditRows()).length;
      const demoted = await app().inject({ method: 'PUT', url: '/api/accounts/1/users/1/role', headers: owner, payload: { role: 'manager' } });
      expect([demoted.statusCode, demoted.json().error.message]).toEqual([409, expect.stringContaining('last owner of seller account 1')]);
      const removed = await app().inject({ method: 'DELETE', url: '/api/accounts/1/users/1', headers: owner });
      expect([removed.statusCode, removed.json().error.code]).toEqual([409, 'conflict']);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: owner })).json().items).toEqual([expect.objectContaining({ id: 1, roles: { 1: 'owner' }, disabledAt: null })]);
      expect((await auditRows()).length).toBe(before);
    });

    it('refuses a manager every users route (403)', async () => {
      const manager = bearer(await tokenFor(database(), 'manager'));
      const requests = [
        { method: 'POST' as const, url: '/api/accounts/1/users', payload: { username: 'ben', password: 'ben passphrase 1', role: 'viewer' } },
        { method: 'PUT' as const, url: '/api/accounts/1/users/1/role', payload: { role: 'viewer' } },
        { method: 'DELETE' as const, url: '/api/accounts/1/users/1' },
      ];
      for (const request of requests) expect([request.url, (await app().inject({ ...request, headers: manager })).statusCode]).toEqual([request.url, 403]);
    });

    it('says what is wrong with a new user, with the command line\'s messages', async () => {
      const owner = await login('owner', ownerPassword);
      const cases: [object, unknown][] = [
        [{ username: 'ana', password: 'short', role: 'agent' }, 'A password needs at least 10 characters.'],
        [{ username: 'warehouse1', password: 'Warehouse1', role: 'agent' }, 'A password must not be the username.'],
        [{ username: 'ana', password: 'x'.repeat(257), role: 'agent' }, 'A password has at most 256 characters.'],
        [{ username: 'ana', role: 'agent' }, 'A new user needs a password (10 to 256 characters).'],
        [{ username: 'ana', password: agentPassword, role: 'admin' }, 'A role is one of owner, manager, agent, inspector, viewer, not "admin".'],
        [{ username: 'ana wei', password: agentPassword, role: 'agent' }, expect.stringContaining('no spaces')],
      ];
      for (const [payload, message] of cases) {
        const response = await addToAccount(owner, payload);
        expect([response.statusCode, response.json().error.message]).toEqual([400, message]);
      }
      const unknown = await addToAccount(owner, { username: 'ana', password: agentPassword, role: 'agent', admin: true });
      expect([unknown.statusCode, unknown.json().error.details]).toEqual([400, [{ path: '', message: expect.stringContaining('admin') }]]);
      expect((await app().inject({ method: 'PUT', url: '/api/accounts/1/users/abc/role', headers: owner, payload: { role: 'viewer' } })).statusCode).toBe(400);
      expect((await app().inject({ method: 'PUT', url: '/api/accounts/1/users/1/role', headers: owner })).statusCode).toBe(400);
      expect((await database().db.selectFrom('users').select('username').execute()).map((u) => u.username)).toEqual(['owner']);
    });

    it('gives a user an owner manages elsewhere a role here, and says only "already a user" of anyone else', async () => {
      const owner = await login('owner', ownerPassword);
      expect((await addToAccount(owner, { username: 'ana', password: agentPassword, role: 'agent' })).statusCode).toBe(201);
      expect((await app().inject({ method: 'POST', url: '/api/accounts', headers: owner, payload: { name: 'Second shop' } })).json()).toMatchObject({ id: 2, role: 'owner' });
      const granted = await addToAccount(owner, { username: 'ANA', role: 'viewer' }, 2);
      expect([granted.statusCode, granted.json().roles]).toEqual([200, { 1: 'agent', 2: 'viewer' }]);
      const withPassword = await addToAccount(owner, { username: 'ana', password: 'a new passphrase', role: 'viewer' }, 2);
      expect([withPassword.statusCode, withPassword.json().error.message]).toEqual([400, expect.stringContaining('leave out the password')]);
      expect((await addToAccount(owner, { username: 'ana', role: 'viewer' }, 2)).statusCode).toBe(409);
      expect((await login('ana', agentPassword))).toBeDefined();

      // Li works only in a third account, which this owner cannot see.
      await addAccount(database(), 'Other business', 'test', at);
      await addUser(database(), { username: 'li', password: 'li passphrase 1', role: 'owner', accountId: 3 }, 'test', at);
      const taken = await addToAccount(owner, { username: 'li', password: 'another passphrase', role: 'viewer' });
      expect([taken.statusCode, taken.json().error.message]).toEqual([409, 'There is already a user "li".']);
      expect(taken.body).not.toMatch(/account|Other business|3/);
      // Without a password, as for a name nobody has.
      expect((await addToAccount(owner, { username: 'li', role: 'viewer' })).json().error.message).toBe('A new user needs a password (10 to 256 characters).');
      const li = (await database().db.selectFrom('users').select('id').where('username', '=', 'li').executeTakeFirstOrThrow()).id;
      expect((await app().inject({ method: 'PUT', url: `/api/accounts/1/users/${li}/role`, headers: owner, payload: { role: 'viewer' } })).statusCode).toBe(404);
      expect((await app().inject({ method: 'DELETE', url: `/api/accounts/1/users/${li}`, headers: owner })).statusCode).toBe(404);
      // Once li works here too, her answers still show no role of the account this owner cannot see.
      await setUserRole(database(), 'li', 1, 'viewer', 'test', at);
      const changed = await app().inject({ method: 'PUT', url: `/api/accounts/1/users/${li}/role`, headers: owner, payload: { role: 'agent' } });
      expect([changed.statusCode, changed.json().roles]).toEqual([200, { 1: 'agent' }]);
    });

    it('takes a user with another account out of this one only, ending their tokens here', async () => {
      const owner = await login('owner', ownerPassword);
      await app().inject({ method: 'POST', url: '/api/accounts', headers: owner, payload: { name: 'Second shop' } });
      const id = (await addToAccount(owner, { username: 'ana', password: agentPassword, role: 'agent' })).json().id as number;
      await addToAccount(owner, { username: 'ana', role: 'agent' }, 2);
      const token = await app().inject({ method: 'POST', url: '/api/auth/tokens', headers: await login('ana', agentPassword), payload: { name: 'script', accountId: 1 } });
      const secret = token.json().secret as string;
      expect((await app().inject({ method: 'DELETE', url: `/api/accounts/1/users/${id}`, headers: owner })).statusCode).toBe(204);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: bearer(secret) })).statusCode).toBe(401);
      const ana = await login('ana', agentPassword);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: ana })).statusCode).toBe(404);
      expect((await app().inject({ method: 'GET', url: '/api/accounts/2/returns', headers: ana })).statusCode).toBe(200);
      // Given back her role, the old token stays revoked.
      await addToAccount(owner, { username: 'ana', role: 'agent' });
      expect((await app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: bearer(secret) })).statusCode).toBe(401);
      expect((await auditRows()).filter((r) => r.subject === `user:${id}`).map((r) => r.action)).toEqual(['user.add', 'user.role', 'user.role.remove', 'user.role']);
    });

    it('never puts a password in an answer or the audit log', async () => {
      const owner = await login('owner', ownerPassword);
      const answers: LightMyRequestResponse[] = [];
      const passwords = [agentPassword, 'short', 'Warehouse1', 'a new passphrase'];
      answers.push(await addToAccount(owner, { username: 'ana', password: agentPassword, role: 'agent' }));
      answers.push(await addToAccount(owner, { username: 'ben', password: 'short', role: 'agent' }));
      answers.push(await addToAccount(owner, { username: 'warehouse1', password: 'Warehouse1', role: 'agent' }));
      answers.push(await addToAccount(owner, { username: 'ana', password: 'a new passphrase', role: 'viewer' }));
      answers.push(await app().inject({ method: 'PUT', url: `/api/accounts/1/users/${answers[0]!.json().id}/role`, headers: owner, payload: { role: 'viewer' } }));
      answers.push(await app().inject({ method: 'GET', url: '/api/accounts/1/users', headers: owner }));
      answers.push(await app().inject({ method: 'DELETE', url: `/api/accounts/1/users/${answers[0]!.json().id}`, headers: owner }));
      const audit = JSON.stringify(await auditRows());
      expect(audit).toContain('"action":"user.add"');
      for (const password of [...passwords, ownerPassword]) {
        for (const answer of answers) expect(answer.body).not.toContain(password);
        expect(audit).not.toContain(password);
      }
      expect(audit).not.toContain('argon2');
    });
  });

  describe('seller accounts', () => {
    const list = (headers: Record<string, string>) => app().inject({ method: 'GET', url: '/api/accounts', headers });
    const create = (headers: Record<string, string>, name: unknown) => app().inject({ method: 'POST', url: '/api/accounts', headers, payload: { name } });

    it('lets an owner add an account they then own, with an audit entry', async () => {
      const owner = await login('owner', ownerPassword);
      expect((await list(owner)).json()).toEqual({ items: [{ id: 1, name: 'Default account', createdAt: expect.any(String), role: 'owner' }], total: 1, limit: 100, offset: 0 });
      const created = await create(owner, '  Second shop ');
      expect([created.statusCode, created.json()]).toEqual([201, { id: 2, name: 'Second shop', createdAt: '2026-11-27T12:00:00.000Z', role: 'owner' }]);
      expect((await list(owner)).json().items.map((a: { id: number; role: string }) => [a.id, a.role])).toEqual([[1, 'owner'], [2, 'owner']]);
      expect((await list({ cookie: owner.cookie })).json()).toMatchObject({ total: 2 });
      expect((await app().inject({ method: 'GET', url: '/api/accounts?limit=1&offset=1', headers: { cookie: owner.cookie } })).json()).toMatchObject({ items: [{ id: 2 }], total: 2, limit: 1, offset: 1 });
      expect((await app().inject({ method: 'GET', url: '/api/accounts/2/policy', headers: { cookie: owner.cookie } })).statusCode).toBe(200);
      const audit = (await auditRows()).filter((r) => r.action === 'account.add' || r.subject === 'user:1');
      expect(audit.map((r) => [r.chain, r.actor, r.action, r.subject])).toEqual([
        ['instance', 'test', 'user.add', 'user:1'],
        ['instance', 'user:1', 'account.add', 'account:2'],
        ['instance', 'user:1', 'user.role', 'user:1'],
      ]);
    });

    it('refuses an account to a user who owns none, and to a token; and bad or taken names', async () => {
      const owner = await login('owner', ownerPassword);
      await app().inject({ method: 'POST', url: '/api/accounts/1/users', headers: owner, payload: { username: 'ana', password: agentPassword, role: 'agent' } });
      const refused = await create(await login('ana', agentPassword), 'My own shop');
      expect([refused.statusCode, refused.json().error.message]).toEqual([403, expect.stringContaining('Only the owner of a seller account')]);
      const byToken = await create(bearer(await tokenFor(database(), 'owner')), 'Token shop');
      expect([byToken.statusCode, byToken.json().error.message]).toEqual([403, expect.stringContaining('login session')]);
      expect([(await create(owner, ' ')).statusCode, (await create(owner, ' ')).json().error.message]).toEqual([400, 'Name the seller account (1 to 100 characters).']);
      expect((await create(owner, 42)).statusCode).toBe(400);
      expect((await create(owner, 'default ACCOUNT')).statusCode).toBe(409);
      expect((await database().db.selectFrom('seller_accounts').select('id').execute()).length).toBe(1);
    });

    it('never lists an account the caller has no role in; a token sees its own account only', async () => {
      await addAccount(database(), 'Second shop', 'test', at);
      await addUser(database(), { username: 'li', password: 'li passphrase 1', role: 'inspector', accountId: 2 }, 'test', at);
      expect((await list(await login('li', 'li passphrase 1'))).json()).toMatchObject({ items: [{ id: 2, name: 'Second shop', role: 'inspector' }], total: 1 });
      const owner = await login('owner', ownerPassword);
      expect((await list(owner)).json()).toMatchObject({ items: [{ id: 1 }], total: 1 });
      // A user of both accounts; their token of account 2 sees account 2 only.
      const token = await tokenFor(database(), 'viewer', 2);
      await setUserRole(database(), 'as-viewer-2', 1, 'agent', 'test', at);
      expect((await list(bearer(token))).json()).toMatchObject({ items: [{ id: 2, role: 'viewer' }], total: 1 });
      expect((await list(await login('as-viewer-2', 'as-viewer-2 passphrase'))).json()).toMatchObject({ items: [{ id: 1, role: 'agent' }, { id: 2, role: 'viewer' }], total: 2 });
    });
  });
});
