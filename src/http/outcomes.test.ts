import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { caseIdOf, countOutcomeRows, importRequests } from '../../test/decision-fixtures.js';
import { scratchDir } from '../../test/report-files.js';
import type { Database } from '../services/open-database.js';
import { buildServer } from './server.js';

// Changing a case over HTTP: the version read (ETag) must come back as If-Match; a change made on an
// older one gets 409 and writes nothing, so two agents never overwrite each other unseen.

describe.each(testDatabases)('recording an outcome over HTTP on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let caseId: number;
  let agent: string;
  const dir = scratchDir();

  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    app = await buildServer({ database, logLevel: 'silent', checkResponses: true, now: () => '2026-03-02T10:00:00.000Z' });
    await importRequests(database, dir, [{ orderId: '111-0000001-0000001', sku: 'TOY-1', requestedAt: '2026-03-01T10:00:00+00:00', reason: 'CR-UNWANTED_ITEM', orderAmount: '20.00' }]);
    caseId = await caseIdOf(database, '111-0000001-0000001');
    agent = await tokenFor(database, 'agent');
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  const url = () => `/api/accounts/1/returns/${caseId}`;
  const record = (ifMatch: string | undefined, step = 1) => app.inject({
    method: 'POST', url: `${url()}/outcomes`, payload: { outcome: 'offer-declined', step },
    headers: { authorization: `Bearer ${agent}`, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
  });

  it('answers the case\'s version as its ETag and takes a change made on it', async () => {
    const read = await app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${agent}` } });
    expect(read.headers.etag).toBe('"1"');
    const recorded = await record('"1"');
    expect(recorded.statusCode).toBe(201);
    expect(recorded.headers.etag).toBe('"2"');
    expect(recorded.json()).toMatchObject({ caseId, outcome: { kind: 'offer-declined', step: 0 }, status: 'requested', version: 2 });
    const after = await app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${agent}` } });
    expect(after.headers.etag).toBe('"2"');
    expect((after.json().events as { kind: string; source: string }[]).map((e) => [e.kind, e.source])).toEqual([['created', 'import:mfn-returns'], ['outcome', 'api']]);
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'case.outcome').execute();
    expect(audit).toEqual([{ actor: 'token:1', action: 'case.outcome' }]);
  });

  it('refuses a change without If-Match, or made on an older version, and writes nothing', async () => {
    const missing = await record(undefined);
    expect([missing.statusCode, missing.json().error.message]).toEqual([400, expect.stringContaining('If-Match')]);
    expect((await record('"1"')).statusCode).toBe(201);
    const stale = await record('"1"', 2);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'conflict']);
    expect(await countOutcomeRows(database)).toBe(1);
  });

  it('lets exactly one of two changes made at once on the same version through: no lost update', async () => {
    const [a, b] = await Promise.all([record('"1"', 1), record('"1"', 2)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await countOutcomeRows(database)).toBe(1);
    const read = await app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${agent}` } });
    expect(read.headers.etag).toBe('"2"');
  });

  it('leaves outcomes to those who work cases: an inspector\'s token gets 403', async () => {
    const inspector = await tokenFor(database, 'inspector');
    const refused = await app.inject({ method: 'POST', url: `${url()}/outcomes`, payload: { outcome: 'offer-declined', step: 1 }, headers: { authorization: `Bearer ${inspector}`, 'if-match': '"1"' } });
    expect(refused.statusCode).toBe(403);
    expect(await countOutcomeRows(database)).toBe(0);
  });
});
