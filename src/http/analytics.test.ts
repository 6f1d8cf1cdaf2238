import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { fbaReturn, importRows, orderLine } from '../../test/prevention-fixtures.js';
import { headers, mfnRow, scratchDir, writeReport } from '../../test/report-files.js';
import { writeCsvTable } from '../cli/table-files.js';
import { addAccount } from '../services/accounts.js';
import { importReportFile } from '../services/import-reports.js';
import { recordListingFix } from '../services/listing-fixes.js';
import { accountReturnRates, isRateTableNumber, rateTable } from '../services/return-rates.js';

// March 2026, US: LAMP ships 200 units and 30 come back "not as described", the buyers writing that the
// colour differs from the photo; MUG ships 1,000 and 20 come back unwanted. The US rate is 50/1,200:
// LAMP is clearly above it. The server's clock: 27 November 2026.

const now = '2026-11-27T12:00:00.000Z';
const lampComments = ['The color is different from the photo', 'Color looks nothing like the photo', 'Wrong color, not the photo'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDatabases)('analytics over HTTP on $name', (target) => {
  const server = useApiServer(target, now);
  const app = () => server.app();
  const database = () => server.database();
  const dir = scratchDir();
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = async (url: string, role: Parameters<typeof tokenFor>[1] = 'viewer') => app().inject({ method: 'GET', url, headers: as(await tokenFor(database(), role)) });
  const addFix = async (payload: object, role: Parameters<typeof tokenFor>[1] = 'agent') =>
    app().inject({ method: 'POST', url: '/api/accounts/1/fixes', headers: as(await tokenFor(database(), role)), payload });
  const fixAudit = async () => database().db.selectFrom('audit_log').select(['actor', 'action', 'subject']).where('action', '=', 'fix.add').execute();

  async function loadLamps(skuOfMug = 'MUG'): Promise<void> {
    await importRows(database(), dir, 'orders.txt', headers.allOrders, [
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 1, 'LAMP', 2)),
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 101, skuOfMug, 10)),
    ]);
    await importRows(database(), dir, 'returns.txt', headers.fbaReturns, [
      ...Array.from({ length: 30 }, (_, i) => fbaReturn(i + 1, 'LAMP', 'NOT_AS_DESCRIBED', { comment: lampComments[i % 3] })),
      ...Array.from({ length: 20 }, (_, i) => fbaReturn(i + 101, skuOfMug, 'UNWANTED_ITEM', { comment: 'No longer needed' })),
    ]);
  }

  it('answers the return rates as JSON, and as the CSV the CLI writes, as a download', async () => {
    await loadLamps();
    const json = await get('/api/accounts/1/reports/rates?from=2026-03&to=2026-03');
    expect([json.statusCode, json.headers['content-type']]).toEqual([200, expect.stringContaining('application/json')]);
    expect(json.json().rows.map((r: { sku: string; shipped: number; returned: number }) => [r.sku, r.shipped, r.returned])).toEqual([['LAMP', 200, 30], ['MUG', 1000, 20]]);

    const csv = await get('/api/accounts/1/reports/rates?from=2026-03&to=2026-03&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8', 'x-content-type-options': 'nosniff',
      'content-disposition': 'attachment; filename="return-rates.csv"; filename*=UTF-8\'\'return-rates.csv',
    });
    const file = join(dir, 'rates.csv');
    writeCsvTable(file, rateTable(await accountReturnRates(database(), 1, { from: '2026-03', to: '2026-03' })), isRateTableNumber);
    expect(csv.rawPayload.equals(readFileSync(file))).toBe(true);
    expect(csv.body.split('\n')[1]).toMatch(/^\uFEFF?US,LAMP,B0LAMP,2026-03,200,30,15\.00,/);
  });

  it('answers the rates as an Excel workbook: numbers as numbers, a formula-like SKU as text in both files', async () => {
    await loadLamps('=HYPERLINK("http://x")');
    const xlsx = await get('/api/accounts/1/reports/rates?format=xlsx&by=sku');
    expect(xlsx.headers).toMatchObject({ 'content-type': xlsxType, 'content-disposition': expect.stringContaining('filename="return-rates.xlsx"') });
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Return rates')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['US', 'LAMP', 'B0LAMP', '2026-03', 200, 30]);
    const formulaLike = sheet.getRow(3).getCell(2);
    expect([formulaLike.type, formulaLike.value]).toEqual([Excel.ValueType.String, '=HYPERLINK("http://x")']);
    const csv = await get('/api/accounts/1/reports/rates?format=csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('answers causes, spikes and costs as JSON and as files, with the fix recorded over HTTP among the fixes tried', async () => {
    await loadLamps();
    expect((await addFix({ sku: 'LAMP', changedOn: '2026-04-02', what: 'Photos in daylight', by: 'Mei' })).statusCode).toBe(201);
    const causes = await get('/api/accounts/1/reports/causes?from=2026-03&to=2026-03&limit=5&lang=zh');
    expect(causes.statusCode).toBe(200);
    const [lamp] = causes.json().problems;
    expect(lamp).toMatchObject({ sku: 'LAMP', cause: { id: 'description_accuracy' }, fixes: [{ fix: { sku: 'LAMP', what: 'Photos in daylight' } }] });
    const zh = await get('/api/accounts/1/reports/causes?from=2026-03&to=2026-03&lang=zh&format=csv');
    expect([zh.headers['content-type'], zh.body.split('\n')[1]]).toEqual(['text/csv; charset=utf-8', expect.stringContaining(lamp.cause.title.zh)]);

    const spikes = await get('/api/accounts/1/reports/spikes');
    expect(spikes.json()).toMatchObject({ asOf: '2026-11-27', returnsThrough: '2026-03-25', judgedOn: '2026-03-26' });
    expect((await get('/api/accounts/1/reports/spikes?asOf=2026-06-29&format=xlsx')).headers['content-type']).toBe(xlsxType);

    await importRows(database(), dir, 'mfn.txt', headers.mfnReturns, [mfnRow({
      'Order ID': '113-0000000-0000001', 'Order date': '01-Mar-2026', 'Return request date': '10-Mar-2026', 'Return request status': 'Completed',
      'Merchant SKU': 'DRESS', 'Return delivery date': '14-Mar-2026', 'Refunded Amount': '39.99',
    })]);
    const costs = await get('/api/accounts/1/reports/costs?from=2026-03&to=2026-03');
    expect(costs.json().headline).toEqual([expect.objectContaining({ month: '2026-03', currency: 'USD', costMinor: expect.any(Number) })]);
    expect(costs.json().rows.find((r: { sku: string }) => r.sku === 'DRESS').components.refunds).toBe(3999);
    const costCsv = await get('/api/accounts/1/reports/costs?from=2026-03&to=2026-03&format=csv');
    expect([costCsv.headers['content-disposition'], costCsv.body]).toEqual([expect.stringContaining('return-costs.csv'), expect.stringContaining('US,DRESS,2026-03,USD,39.99,')]);
  });

  const badQueries = [
    ['/reports/rates?from=2026-13', '--from must be a month as YYYY-MM, such as 2026-03, not "2026-13".'],
    ['/reports/rates?from=2026-04&to=2026-03', 'The first month (2026-04) is after the last (2026-03).'],
    ['/reports/rates?by=colour', '--by must be one of sku, asin, category, marketplace, not "colour".'],
    ['/reports/costs?to=2026-3', '--to must be a month as YYYY-MM, such as 2026-03, not "2026-3".'],
    ['/reports/spikes?asOf=2026-02-30', '--as-of must be a date as YYYY-MM-DD, such as 2026-03-31, not "2026-02-30".'],
    ['/reports/spikes?asOf=2026-11-28', '--as-of 2026-11-28 is in the future: weeks are judged on days that have passed.'],
    ['/reports/causes?lang=fr', '--lang must be en or zh, not "fr".'],
    ['/reports/causes?limit=0', '--limit must be a whole number from 1 to 10000, not "0".'],
    ['/fixes?asOf=2026-12-01', '--as-of 2026-12-01 is in the future: weeks are judged on days that have passed.'],
  ] as const;

  it('refuses bad months, days, a future day, an unknown grouping or language with 400 and the CLI\'s message', async () => {
    const viewer = await tokenFor(database(), 'viewer');
    for (const [path, message] of badQueries) {
      const response = await app().inject({ method: 'GET', url: `/api/accounts/1${path}`, headers: as(viewer) });
      expect([path, response.statusCode, response.json().error]).toEqual([path, 400, { code: 'invalid_input', message, details: expect.any(Object) }]);
    }
    for (const [path, name] of [['/reports/rates?format=pdf', 'format'], ['/reports/spikes?colour=red', ''], ['/fixes?limit=501', 'limit']]) {
      const response = await app().inject({ method: 'GET', url: `/api/accounts/1${path}`, headers: as(viewer) });
      expect([path, response.statusCode, response.json().error.details]).toEqual([path, 400, expect.arrayContaining([expect.objectContaining({ path: name })])]);
    }
  });

  it('records a fix over HTTP: it shows in the fix log and in the audit log with the token as actor', async () => {
    await loadLamps();
    const added = await addFix({ sku: 'LAMP', changedOn: '2026-04-02', what: 'Photos in daylight', by: 'Mei', marketplace: 'US' });
    expect([added.statusCode, added.json()]).toEqual([201, { id: expect.any(Number), accountId: 1, sku: 'LAMP', marketplaceCode: 'US', changedOn: '2026-04-02', what: 'Photos in daylight', recordedBy: 'Mei', recordedAt: now }]);
    const listed = await get('/api/accounts/1/fixes?sku=LAMP&asOf=2026-11-27');
    expect(listed.json()).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ fix: { id: added.json().id, what: 'Photos in daylight' }, windowWeeks: 8 }] });
    expect((await get('/api/accounts/1/fixes?sku=MUG')).json()).toMatchObject({ items: [], total: 0 });
    expect((await get('/api/accounts/1/fixes?offset=1')).json()).toMatchObject({ items: [], total: 1 });
    const agent = await database().db.selectFrom('api_tokens').select('id').where('name', '=', 'agent test').executeTakeFirstOrThrow();
    expect(await fixAudit()).toEqual([{ actor: `token:${agent.id}`, action: 'fix.add', subject: `fix:${added.json().id}` }]);
    const audit = await get('/api/accounts/1/audit', 'owner');
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('fix.add');
  });

  const badFixes = [
    [{ sku: 'LAMPP', changedOn: '2026-04-02', what: 'Box', by: 'Mei' }, 'No order line, return or product has the SKU "LAMPP": check its spelling.'],
    [{ sku: 'LAMP', changedOn: '2026-11-28', what: 'Box', by: 'Mei' }, '--on 2026-11-28 is in the future: record a fix once it is live.'],
    [{ sku: 'LAMP', changedOn: '02.04.2026', what: 'Box', by: 'Mei' }, '--on must be a date as YYYY-MM-DD, such as 2026-03-31, not "02.04.2026".'],
    [{ sku: 'LAMP', changedOn: '2026-04-02', what: 'Box', by: 'Mei', marketplace: 'DE' }, 'LAMP has no order lines or returns in DE, only in US.'],
    [{ sku: 'LAMP', changedOn: '2026-04-02', what: ' ', by: 'Mei' }, '--what must say what changed, in 1 to 500 characters.'],
    [{ sku: 'LAMP', changedOn: '2026-04-02', by: 'Mei' }, 'The request is not valid.'],
  ] as const;

  it('refuses an unknown SKU, a future or malformed day, a marketplace it never sold in, or a missing change with 400, and writes nothing', async () => {
    await loadLamps();
    for (const [payload, message] of badFixes) {
      const refused = await addFix(payload);
      expect([payload, refused.statusCode, refused.json().error.message]).toEqual([payload, 400, message]);
    }
    expect((await addFix({ sku: 'LAMP', changedOn: '2026-04-02', by: 'Mei' })).json().error.details).toEqual([expect.objectContaining({ path: 'what' })]);
    expect((await get('/api/accounts/1/fixes')).json().total).toBe(0);
    expect(await fixAudit()).toEqual([]);
  });

  it('leaves fixes to those who work cases, and never shows another account\'s', async () => {
    await loadLamps();
    const refused = await addFix({ sku: 'LAMP', changedOn: '2026-04-02', what: 'Box', by: 'Mei' }, 'viewer');
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'forbidden']);
    expect((await addFix({ sku: 'LAMP', changedOn: '2026-04-02', what: 'Box', by: 'Mei' }, 'inspector')).statusCode).toBe(403);
    await addAccount(database(), 'Second shop', 'test', now);
    await importReportFile(database(), writeReport(dir, 'orders-2.txt', headers.allOrders, [orderLine(900, 'LAMP', 1)]), { accountId: 2, marketplace: 'US', now: () => now });
    await recordListingFix(database(), 2, { sku: 'LAMP', changedOn: '2026-04-02', what: 'Account two', by: 'Mei' }, now, 'test');
    expect((await get('/api/accounts/2/fixes', 'owner')).statusCode).toBe(404);
    expect((await get('/api/accounts/2/reports/rates', 'owner')).statusCode).toBe(404);
    expect((await get('/api/accounts/1/fixes', 'owner')).json()).toMatchObject({ items: [], total: 0 });
  });
});
