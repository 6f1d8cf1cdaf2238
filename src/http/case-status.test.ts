import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { caseIdOf, importedAt, importRequests } from '../../test/decision-fixtures.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from '../services/import-reports.js';
import type { Database } from '../services/open-database.js';
import { buildServer } from './server.js';

// A request authorized or closed in Seller Central, recorded on the case: the status follows, the
// history and audit log say who did it, the queue lets it go; refused moves write nothing.

describe.each(testDatabases)('recording a Manage Returns move over HTTP on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let caseId: number;
  let agent: string;
  const dir = scratchDir();

  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    app = await buildServer({ database, logLevel: 'silent', checkResponses: true, now: () => '2026-03-02T10:00:00.000Z' });
    await importRequests(database, dir, [{ orderId: '111-0000001-0000001', sku: 'TOY-1', requestedAt: '2026-03-01T10:00:00+00:00', reason: 'CR-DEFECTIVE', orderAmount: '20.00' }]);
    caseId = await caseIdOf(database, '111-0000001-0000001');
    agent = await tokenFor(database, 'agent');
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  const move = (body: object, ifMatch: string | undefined, id = caseId, token = agent) => app.inject({
    method: 'POST', url: `/api/accounts/1/returns/${id}/status`, payload: body,
    headers: { authorization: `Bearer ${token}`, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
  });
  const queuedIds = async () => ((await app.inject({ method: 'GET', url: '/api/accounts/1/queue', headers: { authorization: `Bearer ${agent}` } })).json().items as { caseId: number }[]).map((i) => i.caseId);

  it('authorizes a request: the status, the version, the history and the audit log follow, and the queue lets it go', async () => {
    expect(await queuedIds()).toEqual([caseId]);
    const moved = await move({ status: 'authorized', note: 'Prepaid label by Amazon' }, '"1"');
    expect([moved.statusCode, moved.headers.etag, moved.json()]).toEqual([201, '"2"', { caseId, statusBefore: 'requested', status: 'authorized', version: 2 }]);
    const detail = (await app.inject({ method: 'GET', url: `/api/accounts/1/returns/${caseId}`, headers: { authorization: `Bearer ${agent}` } })).json();
    expect(detail.status).toBe('authorized');
    expect(detail.events.at(-1)).toMatchObject({ kind: 'status', source: 'api', data: { status: { before: 'requested', after: 'authorized' }, note: 'Prepaid label by Amazon' } });
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'action', 'subject']).where('action', '=', 'case.status').execute();
    expect(audit).toEqual([{ actor: 'token:1', action: 'case.status', subject: `case:${caseId}` }]);
    expect(await queuedIds()).toEqual([]);
    const closed = await move({ status: 'closed' }, '"2"');
    expect(closed.json()).toEqual({ caseId, statusBefore: 'authorized', status: 'closed', version: 3 });
  });

  it('refuses a move without If-Match, on an older version, an illegal one, or from a viewer, and writes nothing', async () => {
    expect((await move({ status: 'closed' }, undefined)).statusCode).toBe(400);
    expect((await move({ status: 'closed' }, '"7"')).json().error.code).toBe('conflict');
    expect((await move({ status: 'received' }, '"1"')).json().error.details).toEqual([expect.objectContaining({ path: 'status' })]);
    expect((await move({ status: 'closed' }, '"1"', caseId, await tokenFor(database, 'viewer'))).statusCode).toBe(403);
    expect((await move({ status: 'closed' }, '"1"')).statusCode).toBe(201);
    const again = await move({ status: 'authorized' }, '"2"');
    expect([again.statusCode, again.json().error]).toEqual([409, { code: 'illegal_transition', message: 'A return case cannot go from "closed" to "authorized".', details: expect.objectContaining({ from: 'closed', to: 'authorized' }) }]);
    const events = await database.db.selectFrom('return_case_events').select('kind').where('case_id', '=', caseId).where('kind', '=', 'status').execute();
    expect(events).toHaveLength(1);
  });

  it('records a returnless refund of a request, and leaves authorizing or refunding an FBA return to Amazon', async () => {
    const refunded = await move({ status: 'returnless_refunded' }, '"1"');
    expect(refunded.json()).toEqual({ caseId, statusBefore: 'requested', status: 'returnless_refunded', version: 2 });
    await importReportFile(database, writeReport(dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': '112-0000002-0000002' })]), { marketplace: 'US', now: importedAt });
    const fba = await caseIdOf(database, '112-0000002-0000002');
    for (const status of ['authorized', 'returnless_refunded']) {
      const refused = await move({ status }, '"1"', fba);
      expect([refused.statusCode, refused.json().error.message]).toEqual([409, `Case ${fba} is an FBA return: Amazon answers those itself.`]);
    }
  });
});
