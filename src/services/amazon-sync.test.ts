import iconv from 'iconv-lite';
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startFakeSpApi } from '../../test/fake-sp-api.js';
import type { FakeReport, FakeSpApi } from '../../test/fake-sp-api.js';
import { requestRow } from '../../test/decision-fixtures.js';
import { fbaRow, headers, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { endpointsAt } from '../connectors/sp-api/endpoints.js';
import { connectAmazon } from './amazon-connection.js';
import { syncAccount, windowsOf } from './amazon-sync.js';
import type { SyncOptions } from './amazon-sync.js';
import type { Database } from './open-database.js';
import { newSecretKey, parseSecretKey, secretBox } from './secret-box.js';

// The sync against a fake Amazon on 127.0.0.1: it imports exactly what the fake served, survives
// throttling, resumes after a run cut short without duplicating a row, and keeps the lease.

const credentials = {
  clientId: 'amzn1.application-oa2-client.00000000000000000000000000000001',
  clientSecret: 'amzn1.oa2-cs.v1.fake-client-secret-for-the-sync-test-0001',
  refreshToken: `Atzr|fake-refresh-token-for-the-sync-test-${'r'.repeat(40)}`,
};
const now = '2026-11-28T06:00:00.000Z';
const box = secretBox(parseSecretKey(newSecretKey()));

/** A report file's bytes as Amazon serves it, written through the test's own report writer. */
function reportBytes(header: string, rows: (string | readonly string[])[], encoding: 'utf-8' | 'shift_jis' = 'utf-8'): Buffer {
  const dir = scratchDir();
  const bytes = readFileSync(writeReport(dir, 'report.txt', header, rows, { encoding }));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

const mfnReturns = reportBytes(headers.mfnReturns, [
  requestRow({ orderId: '112-1000001-0000001', requestedAt: '2026-11-10T10:00:00+00:00' }),
  requestRow({ orderId: '112-1000002-0000002', requestedAt: '2026-11-12T10:00:00+00:00' }),
]);

const fbaReturns = reportBytes(headers.fbaReturns, [
  fbaRow({ 'order-id': '111-1000001-0000001', 'license-plate-number': 'LPNSYNC000001', 'return-date': '2026-11-20T10:00:00+00:00' }),
  fbaRow({ 'order-id': '111-1000002-0000002', 'license-plate-number': 'LPNSYNC000002', 'return-date': '2026-11-21T10:00:00+00:00' }),
]);

/** A settlement with one refund of an order, as Amazon lists it under its own schedule. */
const settlement = (id: string, order: string) => reportBytes(headers.settlement, [rowOf(headers.settlement, {
  'settlement-id': id, currency: 'USD', 'transaction-type': 'Refund', 'order-id': order, 'adjustment-id': `ADJ${id}`, 'marketplace-name': 'Amazon.com',
  'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '-19.99', 'posted-date-time': '2026-11-20T10:00:00+00:00',
  'order-item-code': `5550000${id}`, 'merchant-adjustment-item-id': `MA${id}`, sku: 'MUG-1', 'quantity-purchased': '1',
})]);

describe.each(testDatabases)('syncing an account from the Selling Partner API on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let fake: FakeSpApi | undefined;
  const scratch = scratchDir();

  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    await connectAmazon(database, 1, { ...credentials, marketplaces: ['US'] }, box, now, 'user:1');
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    await dispose();
  });

  async function options(reports: Record<string, FakeReport>, extra: Partial<SyncOptions> = {}): Promise<SyncOptions> {
    fake = await startFakeSpApi({ credentials, reports });
    return {
      box, endpoints: endpointsAt(fake.origin), scratchDirectory: scratch, now: () => now, actor: 'test', reportTypes: ['fba-returns'],
      client: { backoffMs: 1, sleep: async () => {} }, fetch: { pollMs: 0 }, ...extra,
    };
  }

  const returnCount = async () => Number((await database.db.selectFrom('fba_returns').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('imports exactly what Amazon served, window by window, and remembers how far it fetched', async () => {
    const sync = await options({ GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: mfnReturns, gzip: true, charset: 'UTF-8' } }, { reportTypes: ['mfn-returns'] });
    const result = await syncAccount(database, 1, sync);
    // 60 days back in 30-day windows: two reports.
    expect(result.windows.map((w) => [w.from, w.to, w.outcome, w.rows])).toEqual([
      ['2026-09-29T06:00:00.000Z', '2026-10-29T06:00:00.000Z', 'imported', 2],
      ['2026-10-29T06:00:00.000Z', '2026-11-28T06:00:00.000Z', 'imported', 2],
    ]);
    expect(fake!.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reports')).map((r) => r.body)).toEqual([
      { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', marketplaceIds: ['ATVPDKIKX0DER'], dataStartTime: '2026-09-29T06:00:00.000Z', dataEndTime: '2026-10-29T06:00:00.000Z' },
      { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', marketplaceIds: ['ATVPDKIKX0DER'], dataStartTime: '2026-10-29T06:00:00.000Z', dataEndTime: '2026-11-28T06:00:00.000Z' },
    ]);
    // The same two requests in both windows: two cases, the second import found them unchanged.
    expect(await database.db.selectFrom('return_cases').select('order_id').orderBy('order_id').execute()).toEqual([{ order_id: '112-1000001-0000001' }, { order_id: '112-1000002-0000002' }]);
    const runs = await database.db.selectFrom('import_runs').select(['file_name', 'inserted', 'unchanged']).orderBy('id').execute();
    expect(runs).toEqual([
      { file_name: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE_US_2026-09-29_2026-10-29.txt', inserted: 2, unchanged: 0 },
      { file_name: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE_US_2026-10-29_2026-11-28.txt', inserted: 0, unchanged: 2 },
    ]);
    const state = await database.db.selectFrom('amazon_sync_state').selectAll().executeTakeFirstOrThrow();
    expect(state).toMatchObject({ report_type: 'mfn-returns', marketplace: 'US', fetched_through: now, last_outcome: 'imported', last_error: null });
    expect(await database.db.selectFrom('amazon_sync_leases').selectAll().where('holder', '!=', '').execute()).toEqual([]);
  });

  it('asks for an FBA report\'s whole range at once, and a CANCELLED FBA report again next run (Amazon\'s regeneration limit)', async () => {
    const sync = await options({
      GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns, waits: [] }, GET_FBA_REIMBURSEMENTS_DATA: { end: 'CANCELLED' }, GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { end: 'CANCELLED' },
    }, { reportTypes: ['fba-returns', 'reimbursements', 'mfn-returns'] });
    const result = await syncAccount(database, 1, sync);
    expect(result.windows.map((w) => [w.reportType, w.from, w.to, w.outcome])).toEqual([
      ['fba-returns', '2026-09-29T06:00:00.000Z', now, 'imported'],
      ['mfn-returns', '2026-09-29T06:00:00.000Z', '2026-10-29T06:00:00.000Z', 'no_data'],
      ['mfn-returns', '2026-10-29T06:00:00.000Z', now, 'no_data'],
      ['reimbursements', '2026-09-29T06:00:00.000Z', now, 'no_data'],
    ]);
    const states = await database.db.selectFrom('amazon_sync_state').select(['report_type', 'fetched_through', 'last_outcome']).orderBy('report_type').execute();
    expect(states).toEqual([
      { report_type: 'fba-returns', fetched_through: now, last_outcome: 'imported' },
      { report_type: 'mfn-returns', fetched_through: now, last_outcome: 'no_data' },
      { report_type: 'reimbursements', fetched_through: null, last_outcome: 'no_data' },
    ]);
  });

  it('decodes a Shift_JIS document by the charset its download declares', async () => {
    await connectAmazon(database, 1, { ...credentials, marketplaces: ['JP'] }, box, now, 'user:1');
    const japanese = reportBytes(headers.fbaReturns, [fbaRow({ 'order-id': '250-1000001-0000001', 'product-name': '保温マグカップ', 'license-plate-number': 'LPNSYNCJP0001' })], 'shift_jis');
    expect(iconv.decode(japanese, 'shift_jis')).toContain('保温マグカップ');
    const result = await syncAccount(database, 1, await options({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: japanese, charset: 'Shift_JIS', gzip: true } }, { windowDays: 90 }));
    expect(result.windows.map((w) => w.outcome)).toEqual(['imported']);
    const run = await database.db.selectFrom('import_runs').select(['encoding', 'marketplace_code']).executeTakeFirstOrThrow();
    expect(run).toEqual({ encoding: 'shift_jis', marketplace_code: 'JP' });
    const row = await database.db.selectFrom('return_cases').select(['order_id']).executeTakeFirstOrThrow();
    expect(row.order_id).toBe('250-1000001-0000001');
  });

  it('gets past throttling, and takes an empty report (CANCELLED) as no data', async () => {
    const sync = await options({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns, waits: [] }, GET_FBA_REIMBURSEMENTS_DATA: { end: 'CANCELLED' } }, { reportTypes: ['fba-returns', 'reimbursements'], windowDays: 60 });
    fake!.throttle('createReport', 4);
    fake!.throttle('getReport', 2);
    const result = await syncAccount(database, 1, sync);
    expect(result.windows.map((w) => [w.reportType, w.outcome])).toEqual([['fba-returns', 'imported'], ['reimbursements', 'no_data']]);
    expect(await returnCount()).toBe(2);
    const states = await database.db.selectFrom('amazon_sync_state').select(['report_type', 'fetched_through', 'last_outcome']).orderBy('report_type').execute();
    expect(states).toEqual([{ report_type: 'fba-returns', fetched_through: now, last_outcome: 'imported' }, { report_type: 'reimbursements', fetched_through: null, last_outcome: 'no_data' }]);
  });

  it('resumes a run cut short where it stopped, overlapping a few days, without a duplicate', async () => {
    const sync = await options({ GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: mfnReturns, waits: [] } }, { reportTypes: ['mfn-returns'], client: { backoffMs: 1, attempts: 2, sleep: async () => {} } });
    // Once the first window is in, Amazon throttles every report creation: the run stops that report type there.
    const cut = await syncAccount(database, 1, { ...sync, onProgress: (event) => { if (event.outcome === 'imported') fake!.throttle('createReport', 5); } });
    expect(cut.windows.map((w) => w.outcome)).toEqual(['imported', 'failed']);
    expect(cut.windows[1]!.message).toContain('createReport was refused (429, QuotaExceeded');
    const stopped = await database.db.selectFrom('amazon_sync_state').selectAll().executeTakeFirstOrThrow();
    expect(stopped).toMatchObject({ fetched_through: '2026-10-29T06:00:00.000Z', last_outcome: 'failed' });
    // The next run starts 3 days before where the first stopped, and finishes.
    fake!.throttle('createReport', 0);
    const resumed = await syncAccount(database, 1, sync);
    expect(resumed.windows.map((w) => [w.from, w.to, w.outcome])).toEqual([
      ['2026-10-26T06:00:00.000Z', '2026-11-25T06:00:00.000Z', 'imported'], ['2026-11-25T06:00:00.000Z', now, 'imported'],
    ]);
    expect(await database.db.selectFrom('return_cases').select('order_id').execute()).toHaveLength(2);
  });

  it('imports the settlements Amazon listed since the last run, every page of the listing, oldest first', async () => {
    fake = await startFakeSpApi({
      credentials, reports: {}, listPageSize: 1,
      scheduled: [
        { reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', createdTime: '2026-11-20T08:00:00.000Z', content: settlement('2002', '113-0000000-0000002'), gzip: true },
        { reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', createdTime: '2026-11-06T08:00:00.000Z', content: settlement('2001', '113-0000000-0000001') },
        { reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', createdTime: '2026-08-01T08:00:00.000Z', content: settlement('1999', '113-0000000-0000009') },
      ],
    });
    const sync: SyncOptions = { box, endpoints: endpointsAt(fake.origin), scratchDirectory: scratch, now: () => now, actor: 'test', reportTypes: ['settlement'], client: { backoffMs: 1, sleep: async () => {} } };
    const result = await syncAccount(database, 1, sync);
    expect(result.windows.map((w) => [w.to, w.outcome, w.rows])).toEqual([['2026-11-06T08:00:00.000Z', 'imported', 1], ['2026-11-20T08:00:00.000Z', 'imported', 1]]);
    const refunds = await database.db.selectFrom('settlement_refunds').select('order_id').orderBy('order_id').execute();
    expect(refunds.map((r) => r.order_id)).toEqual(['113-0000000-0000001', '113-0000000-0000002']);
    expect(await database.db.selectFrom('amazon_sync_state').select(['report_type', 'fetched_through']).execute()).toEqual([{ report_type: 'settlement', fetched_through: '2026-11-20T08:00:00.000Z' }]);
    // The next run lists from 3 days before the newest one: it sees that one again, and nothing doubles.
    const again = await syncAccount(database, 1, sync);
    expect(again.windows.map((w) => [w.to, w.outcome])).toEqual([['2026-11-20T08:00:00.000Z', 'imported']]);
    expect(await database.db.selectFrom('settlement_refunds').select('order_id').execute()).toHaveLength(2);
  });

  it('runs one of two syncs started at once (two server processes), the other fetching nothing', async () => {
    const sync = await options({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns, waits: [] } });
    const [first, second] = await Promise.all([syncAccount(database, 1, { ...sync, actor: 'server-a' }), syncAccount(database, 1, { ...sync, actor: 'server-b' })]);
    expect([first.ran, second.ran].sort()).toEqual([false, true]);
    // One FBA report for the whole range, asked for by the run that holds the lease only.
    expect(fake!.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reports'))).toHaveLength(1);
    expect(await returnCount()).toBe(2);
  });

  it('records a failed settlement listing like a failed window, and stops when another process took the lease', async () => {
    const sync = await options({ GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: mfnReturns, waits: [] } }, { reportTypes: ['settlement'], client: { backoffMs: 1, attempts: 2, sleep: async () => {} } });
    fake!.throttle('getReports', 5);
    const listing = await syncAccount(database, 1, sync);
    expect(listing.windows.map((w) => [w.reportType, w.outcome])).toEqual([['settlement', 'failed']]);
    expect(await database.db.selectFrom('amazon_sync_state').select(['report_type', 'last_outcome', 'fetched_through']).execute()).toEqual([{ report_type: 'settlement', last_outcome: 'failed', fetched_through: null }]);
    // A lease lost between two windows (taken over after it ran out): the run stops there.
    const stolen = await syncAccount(database, 1, {
      ...sync, reportTypes: ['mfn-returns'],
      onProgress: (event) => {
        if (event.outcome === 'imported') void database.db.updateTable('amazon_sync_leases').set({ holder: 'server:other', expires_at: '2026-11-28T09:00:00.000Z' }).execute();
      },
    });
    expect(stolen.windows.map((w) => w.outcome)).toEqual(['imported']);
  });

  it('leaves the account to the process holding its lease, fetching nothing', async () => {
    const sync = await options({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns } });
    await database.db.insertInto('amazon_sync_leases').values({ account_id: 1, holder: 'server:other-process', expires_at: '2026-11-28T07:00:00.000Z' }).execute();
    expect(await syncAccount(database, 1, sync)).toEqual({ accountId: 1, ran: false, windows: [] });
    expect(fake!.requests).toEqual([]);
    // An expired lease is taken over.
    await database.db.updateTable('amazon_sync_leases').set({ expires_at: '2026-11-28T05:00:00.000Z' }).execute();
    expect((await syncAccount(database, 1, sync)).ran).toBe(true);
  });

  it('stops at credentials Amazon refuses, keeping the reason and no secret', async () => {
    const sync = await options({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: fbaReturns } }, { reportTypes: ['fba-returns', 'reimbursements'] });
    await connectAmazon(database, 1, { ...credentials, refreshToken: `Atzr|revoked-refresh-token-${'z'.repeat(30)}`, marketplaces: ['US'] }, box, now, 'user:1');
    const result = await syncAccount(database, 1, sync);
    expect(result.windows.map((w) => w.outcome)).toEqual(['failed']);
    const state = await database.db.selectFrom('amazon_sync_state').selectAll().executeTakeFirstOrThrow();
    expect(state.last_error).toMatch(/^Login with Amazon refused the credentials \(400, invalid_grant/);
    expect(JSON.stringify([result, state])).not.toContain('revoked-refresh-token');
    expect(JSON.stringify([result, state])).not.toContain(credentials.clientSecret);
  });
});

describe('the sync\'s windows', () => {
  it('start 60 days back on a first run, a few days before the last fetch later, or where asked', () => {
    expect(windowsOf(undefined, {}, now).map((w) => w.from)).toEqual(['2026-09-29T06:00:00.000Z', '2026-10-29T06:00:00.000Z']);
    expect(windowsOf({ fetched_through: '2026-11-27T06:00:00.000Z' }, {}, now)).toEqual([{ from: '2026-11-24T06:00:00.000Z', to: now }]);
    expect(windowsOf({ fetched_through: '2026-11-27T06:00:00.000Z' }, { since: '2026-11-01T00:00:00.000Z', windowDays: 10 }, now).map((w) => w.to)).toEqual(['2026-11-11T00:00:00.000Z', '2026-11-21T00:00:00.000Z', now]);
    expect(windowsOf({ fetched_through: now }, { overlapDays: 0 }, now)).toEqual([]);
  });
});
