import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { startFakeSpApi } from '../../test/fake-sp-api.js';
import type { FakeSpApi } from '../../test/fake-sp-api.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../services/open-database.js';
import { newSecretKey, parseSecretKey } from '../services/secret-box.js';
import { buildServer } from './server.js';

// The Amazon connection over HTTP against a fake Amazon on 127.0.0.1: connecting (configure), the
// status (never a secret), a sync started by a user and run by the server, and the server's log,
// which never holds a secret either, not even when a connection is refused.

const credentials = {
  clientId: 'amzn1.application-oa2-client.0000000000000000000000000000beef',
  clientSecret: 'amzn1.oa2-cs.v1.http-test-client-secret-value-0000000001',
  refreshToken: `Atzr|http-test-refresh-token-${'h'.repeat(40)}`,
};

describe.each(testDatabases)('the Amazon connection over HTTP on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let fake: FakeSpApi;
  let log: string;
  const dir = scratchDir();

  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    const report = writeReport(dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': '111-3000001-0000001', 'license-plate-number': 'LPNHTTP000001' })]);
    fake = await startFakeSpApi({ credentials, reports: { GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: readFileSync(report), waits: [] } } });
    log = '';
    const logStream = new Writable({ write(chunk, _encoding, done) { log += String(chunk); done(); } });
    app = await buildServer({
      database, logLevel: 'debug', logStream, checkResponses: true, scratchDirectory: dir, now: () => '2026-11-28T06:00:00.000Z',
      secretKey: parseSecretKey(newSecretKey()), spApiOrigin: fake.origin,
    });
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
    await dispose();
  });

  const as = async (role: 'owner' | 'manager' | 'agent' | 'viewer') => ({ authorization: `Bearer ${await tokenFor(database, role)}` });
  const connect = async (role: 'owner' | 'manager' | 'agent' | 'viewer', body: object = { ...credentials, marketplaces: ['US'] }) =>
    app.inject({ method: 'PUT', url: '/api/accounts/1/amazon', headers: await as(role), payload: body });
  const status = async () => (await app.inject({ method: 'GET', url: '/api/accounts/1/amazon', headers: await as('viewer') })).json();

  it('connects for a manager, answers the connection without its secrets, and runs a sync a user starts', async () => {
    expect(await status()).toEqual({ connection: null, reports: [], syncRunning: false, scheduleHours: 0 });
    const connected = await connect('manager');
    expect(connected.statusCode).toBe(200);
    expect(connected.json().connection).toMatchObject({ region: 'NA', marketplaces: ['US'], clientId: credentials.clientId });
    const started = await app.inject({ method: 'POST', url: '/api/accounts/1/amazon/sync', headers: await as('manager') });
    expect([started.statusCode, started.json().started]).toEqual([202, true]);
    await expect.poll(async () => (await status()).reports.map((r: { reportType: string; lastOutcome: string }) => [r.reportType, r.lastOutcome]), { timeout: 15_000 })
      .toContainEqual(['fba-returns', 'imported']);
    await expect.poll(async () => (await status()).syncRunning, { timeout: 15_000 }).toBe(false);
    const cases = await database.db.selectFrom('return_cases').select('order_id').execute();
    expect(cases.map((c) => c.order_id)).toEqual(['111-3000001-0000001']);
    const answers = JSON.stringify([connected.json(), await status()]);
    for (const secret of [credentials.clientSecret, credentials.refreshToken]) {
      expect(answers).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('Amazon sync of seller account 1: ');
  });

  it('refuses connecting to an agent or a viewer, and a sync to an account not connected', async () => {
    for (const role of ['agent', 'viewer'] as const) expect((await connect(role)).statusCode).toBe(403);
    const refused = await app.inject({ method: 'POST', url: '/api/accounts/1/amazon/sync', headers: await as('manager') });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'conflict']);
    expect((await app.inject({ method: 'DELETE', url: '/api/accounts/1/amazon', headers: await as('owner') })).statusCode).toBe(404);
  });

  it('says which credential is malformed without repeating it, in the answer or the log', async () => {
    const bad = await connect('owner', { ...credentials, refreshToken: 'Atza|an-access-token-pasted-by-mistake-0000000000', marketplaces: ['US'] });
    expect([bad.statusCode, bad.json().error.details]).toEqual([400, { field: 'refreshToken' }]);
    expect(bad.body).not.toContain('an-access-token-pasted-by-mistake');
    expect(log).not.toContain('an-access-token-pasted-by-mistake');
    expect(log).not.toContain(credentials.clientSecret);
    expect((await status()).connection).toBeNull();
  });
});
