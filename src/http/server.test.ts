import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabases } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../services/open-database.js';
import { importReportFile } from '../services/import-reports.js';
import { buildServer } from './server.js';
import { viewerToken } from '../../test/api-access.js';

const fixedNow = () => '2026-11-27T12:00:00.000Z';

describe.each(testDatabases)('the HTTP API on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const dir = scratchDir();

  let token: string;
  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    app = await buildServer({ database, logLevel: 'silent', checkResponses: true });
    token = await viewerToken(database);
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  /** GET with a viewer's API token; `/api/returns…` is account 1's. */
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url: url.replace(/^\/api\/returns/, '/api/accounts/1/returns'), headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };

  /** Three FBA order lines, requested on three days: the newest (line 4) lists first. */
  async function importThreeReturns(): Promise<void> {
    const path = writeReport(dir, `three-${Math.random()}.txt`, headers.fbaReturns, [
      fbaRow({ 'order-id': '112-0000001-0000001', sku: 'TSHIRT-M', 'return-date': '2025-06-05T10:00:00+00:00', 'license-plate-number': 'LPN1' }),
      fbaRow({ 'order-id': '112-0000002-0000002', sku: 'MUG-01', 'return-date': '2025-06-06T10:00:00+00:00', 'license-plate-number': 'LPN2', status: 'Reimbursed', reason: 'DAMAGED_BY_FC', 'detailed-disposition': 'DAMAGED' }),
      fbaRow({ 'order-id': '112-0000003-0000003', sku: 'TSHIRT-M', 'return-date': '2025-06-07T10:00:00+00:00', 'license-plate-number': 'LPN3' }),
    ]);
    const result = await importReportFile(database, path, { now: fixedNow });
    expect(result).toMatchObject({ inserted: 3, rejected: 0 });
  }

  const orderIds = (body: Record<string, unknown>) => (body.items as Array<{ orderId: string }>).map((i) => i.orderId);

  it('shows one case with its history, and 404 for a case that does not exist', async () => {
    await importThreeReturns();
    const { body: list } = await get('/api/returns?sku=MUG-01');
    const id = (list.items as Array<{ id: number }>)[0]!.id;
    const { status, body } = await get(`/api/returns/${id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, orderId: '112-0000002-0000002', status: 'fba_reimbursed' });
    expect(body.events).toEqual([expect.objectContaining({ kind: 'created', source: 'import:fba-returns', line: 3, occurredAt: '2025-06-06T10:00:00.000Z' })]);
    expect((body.events as Array<{ data: Record<string, unknown> }>)[0]!.data).toMatchObject({ status: 'fba_reimbursed', quantity: 1 });
    const missing = await get('/api/returns/999999');
    expect(missing).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'There is no return case 999999.', details: { id: 999999 } } } });
    expect((await get('/api/returns/abc')).status).toBe(400);
    expect((await get('/api/returns/99999999999')).status).toBe(400);
  });

  it('answers the health check', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: target.name });
  });

  it('lists no returns on an empty database, with the default page', async () => {
    expect(await get('/api/returns')).toEqual({ status: 200, body: { items: [], total: 0, limit: 50, offset: 0 } });
  });

  it('lists imported returns newest first, with every field of a case', async () => {
    await importThreeReturns();
    const { status, body } = await get('/api/returns');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(orderIds(body)).toEqual(['112-0000003-0000003', '112-0000002-0000002', '112-0000001-0000001']);
    expect((body.items as unknown[])[2]).toEqual({
      id: expect.any(Number), marketplace: 'US', channel: 'FBA', orderId: '112-0000001-0000001', sku: 'TSHIRT-M', asin: 'B0TEST0001',
      status: 'fba_received', quantity: 1,
      reason: { raw: 'APPAREL_TOO_SMALL', code: 'APPAREL_TOO_SMALL', status: 'mapped', category: 'size_fit', fault: 'unknown', productSignal: true },
      requestedAt: '2025-06-05T10:00:00.000Z', receivedAt: '2025-06-05T10:00:00.000Z', refundedAt: null, amazonRmaId: null, trackingId: null,
      disposition: 'SELLABLE', refunded: null, version: 1, updatedAt: '2026-11-27T12:00:00.000Z',
    });
  });

  it('pages through the returns with limit and offset', async () => {
    await importThreeReturns();
    const first = await get('/api/returns?limit=2');
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(orderIds(first.body)).toEqual(['112-0000003-0000003', '112-0000002-0000002']);
    const second = await get('/api/returns?limit=2&offset=2');
    expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(orderIds(second.body)).toEqual(['112-0000001-0000001']);
    const beyond = await get('/api/returns?offset=3');
    expect(beyond.body).toEqual({ items: [], total: 3, limit: 50, offset: 3 });
  });

  it.each([
    ['status=fba_reimbursed', ['112-0000002-0000002']],
    ['status=fba_received', ['112-0000003-0000003', '112-0000001-0000001']],
    ['status=requested', []],
    ['channel=FBA', ['112-0000003-0000003', '112-0000002-0000002', '112-0000001-0000001']],
    ['channel=MFN', []],
    ['sku=TSHIRT-M', ['112-0000003-0000003', '112-0000001-0000001']],
    ['sku=MUG-01&status=fba_reimbursed&channel=FBA', ['112-0000002-0000002']],
    ['marketplace=DE', []],
    ['orderId=112-0000002-0000002', ['112-0000002-0000002']],
    ['reason=size_fit', ['112-0000003-0000003', '112-0000001-0000001']],
    ['fault=seller', ['112-0000002-0000002']],
    ['fault=buyer', []],
    ['requestedFrom=2025-06-06', ['112-0000003-0000003', '112-0000002-0000002']],
    ['requestedTo=2025-06-06', ['112-0000002-0000002', '112-0000001-0000001']],
    ['requestedFrom=2025-06-06&requestedTo=2025-06-06', ['112-0000002-0000002']],
  ])('filters the returns by %s', async (query, expected) => {
    await importThreeReturns();
    const { status, body } = await get(`/api/returns?${query}`);
    expect(status).toBe(200);
    expect(orderIds(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it.each([
    ['limit=0', 'limit', />=1/],
    ['limit=abc', 'limit', /number/],
    ['limit=501', 'limit', /<=500/],
    ['offset=-1', 'offset', />=0/],
    ['colour=red', '', /colour/],
    ['status=nope', 'status', /fba_received/],
    ['channel=fba', 'channel', /"FBA"\|"MFN"/],
    ['marketplace=germany', 'marketplace', /marketplace code such as US or DE/],
    ['reason=broken', 'reason', /size_fit/],
    ['requestedFrom=2025-02-30', 'requestedFrom', /not a day of the calendar/],
    ['requestedTo=June', 'requestedTo', /a day such as 2026-03-31/],
    ['requestedFrom=2025-06-07&requestedTo=2025-06-06', 'requestedFrom', /must not be after requestedTo/],
  ])('refuses the bad query %s with 400 invalid_input naming the parameter', async (query, path, message) => {
    const { status, body } = await get(`/api/returns?${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_input', message: 'The request is not valid.', details: [{ path, message: expect.stringMatching(message) }] } });
  });

  it('answers an unknown route with 404 in the same error shape', async () => {
    expect(await get('/api/nothing-here?x=1')).toEqual({
      status: 404, body: { error: { code: 'not_found', message: 'There is no GET /api/nothing-here.', details: {} } },
    });
  });
});
