import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, mfnRow, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../storage/database.js';
import { importReportFile } from './import-reports.js';
import { listReturns } from './list-returns.js';

const fixedNow = () => '2026-11-27T12:00:00.000Z';
const allCases = { accountId: 1, limit: 50, offset: 0 };

type Row = Record<string, string | number | null>;
type ReportTableName = 'fba_returns' | 'mfn_returns' | 'orders' | 'reimbursements' | 'removals' | 'settlement_refunds';

/** The stored rows of a table, in file order; report tables are not in the typed schema. */
async function storedRows(database: Database, table: ReportTableName | 'products'): Promise<Row[]> {
  return database.db.withTables<Record<ReportTableName, Row>>().selectFrom(table).selectAll().orderBy('line').execute() as Promise<Row[]>;
}

describe.each(testDatabases)('importing FBA customer returns variants on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  const withoutStatus = headers.fbaReturns.replace('\tstatus', '');
  const reordered = ['license-plate-number', 'quantity', 'sku', 'customer-comments', 'order-id', 'detailed-disposition', 'return-date', 'reason', 'asin', 'status'];
  const variants: Array<[string, string, string[], { bom?: boolean; crlf?: boolean }]> = [
    ['the 13-column API file', headers.fbaReturns, fbaRow(), {}],
    ['the 12-column Amazon.ae file without status', withoutStatus, fbaRow().filter((_, i) => i !== 10), {}],
    ['the UI download naming the order column amazon-order-id', headers.fbaReturns.replace('order-id', 'amazon-order-id'), fbaRow(), {}],
    ['a file starting with a UTF-8 BOM', headers.fbaReturns, fbaRow(), { bom: true }],
    ['a file with CRLF line ends', headers.fbaReturns, fbaRow(), { crlf: true }],
    ['columns in another order', reordered.join('\t'), rowOf(reordered.join('\t'), Object.fromEntries(headers.fbaReturns.split('\t').map((c, i) => [c, fbaRow()[i]!]))), {}],
  ];

  it.each(variants)('reads %s by column name', async (_name, header, row, options) => {
    const path = writeReport(dir, `variant-${Math.random()}.txt`, header, [row], options);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'fba-returns', encoding: 'utf-8', rows: 1, inserted: 1, rejected: 0, errors: [] });
    const [stored] = await storedRows(db(), 'fba_returns');
    expect(stored).toMatchObject({
      order_id: '112-0000001-0000001', sku: 'TSHIRT-M', quantity: 1, return_date: '2025-06-05T15:31:40.000Z',
      detailed_disposition: 'SELLABLE', reason: 'APPAREL_TOO_SMALL', license_plate_number: 'LPNRR000000001', customer_comments: null,
      status: header.includes('status') ? 'Unit returned to inventory' : null, line: 2,
    });
    const { items } = await listReturns(db(), allCases);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'FBA', status: 'fba_received', orderId: '112-0000001-0000001', quantity: 1 });
  });

  it('reads DD-Mon-YYYY dates as midnight in the marketplace and ISO dates as written', async () => {
    const path = writeReport(dir, 'dates.txt', headers.fbaReturns, [
      fbaRow({ 'return-date': '05-Jun-2025', 'license-plate-number': 'LPN1' }),
      fbaRow({ 'return-date': '2025-06-07T09:15:00Z', 'order-id': '112-0000002-0000002', 'license-plate-number': 'LPN2' }),
      fbaRow({ 'return-date': '2025-06-08', 'order-id': '112-0000003-0000003', 'license-plate-number': 'LPN3' }),
    ]);
    expect(await importReportFile(db(), path, { now: fixedNow, marketplace: 'DE' })).toMatchObject({ inserted: 3, rejected: 0 });
    const dates = (await storedRows(db(), 'fba_returns')).map((r) => r.return_date);
    expect(dates).toEqual(['2025-06-04T22:00:00.000Z', '2025-06-07T09:15:00.000Z', '2025-06-07T22:00:00.000Z']);
  });

  it('stores a cell holding a single space as null', async () => {
    const path = writeReport(dir, 'spaces.txt', headers.fbaReturns, [fbaRow({ asin: ' ', fnsku: ' ', 'customer-comments': ' ', status: ' ' })]);
    await importReportFile(db(), path, { now: fixedNow });
    const [stored] = await storedRows(db(), 'fba_returns');
    expect(stored).toMatchObject({ asin: null, fnsku: null, customer_comments: null, status: null });
  });

  it('detects a Japanese Shift_JIS (cp932) file and stores its text correctly', async () => {
    const row = fbaRow({ 'product-name': 'コットンTシャツ（Mサイズ）・白', 'customer-comments': 'サイズが思ったより小さかったです。', sku: '綿-T-M' });
    const path = writeReport(dir, 'jp.txt', headers.fbaReturns, [row], { encoding: 'shift_jis' });
    const result = await importReportFile(db(), path, { now: fixedNow, marketplace: 'JP' });
    expect(result).toMatchObject({ encoding: 'shift_jis', marketplace: 'JP', inserted: 1, rejected: 0 });
    const [stored] = await storedRows(db(), 'fba_returns');
    expect(stored).toMatchObject({ product_name: 'コットンTシャツ（Mサイズ）・白', customer_comments: 'サイズが思ったより小さかったです。', sku: '綿-T-M', marketplace_code: 'JP' });
  });

  it('decodes with the encoding given as an override (cp932) where sniffing alone cannot tell', async () => {
    // 颱風 is e9 45 95 97 in cp932: level-2 kanji next to ASCII letters, which also reads as cp1252 text.
    const path = writeReport(dir, 'jp-forced.txt', headers.fbaReturns, [fbaRow({ 'product-name': '颱風' })], { encoding: 'shift_jis' });
    const result = await importReportFile(db(), path, { now: fixedNow, encoding: 'cp932' });
    expect(result).toMatchObject({ encoding: 'shift_jis', inserted: 1 });
    expect((await storedRows(db(), 'fba_returns'))[0]!.product_name).toBe('颱風');
  });
});

describe.each(testDatabases)('importing MFN returns on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('reads the 32-column file: DD-Mon-YYYY dates, blank single spaces, label cost in cents', async () => {
    const path = writeReport(dir, 'mfn32.txt', headers.mfnReturns, [mfnRow()]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'mfn-returns', rows: 1, inserted: 1, rejected: 0, unmapped: 0 });
    const [stored] = await storedRows(db(), 'mfn_returns');
    expect(stored).toMatchObject({
      order_id: '113-7777777-0000001', order_date: '2025-07-08T07:00:00.000Z', return_request_date: '2025-07-10T07:00:00.000Z',
      amazon_rma_id: 'D7ZwRMA01', merchant_rma_id: null, label_cost_minor: 414, currency: 'USD', order_amount_minor: 3999,
      a_to_z_claim: 0, in_policy: 1, return_delivery_date: null, refunded_amount_minor: null, safet_claim_id: null, order_item_id: null,
    });
    const { items } = await listReturns(db(), allCases);
    expect(items[0]).toMatchObject({ channel: 'MFN', status: 'in_transit', amazonRmaId: 'D7ZwRMA01', requestedAt: '2025-07-10T07:00:00.000Z' });
    expect(items[0]!.reason).toMatchObject({ raw: 'AMZ-PG-BAD-DESC', code: 'NOT_AS_DESCRIBED', category: 'not_as_described', status: 'mapped' });
  });

  it('reads the 33-column download with a trailing Order Item ID', async () => {
    const path = writeReport(dir, 'mfn33.txt', `${headers.mfnReturns}\tOrder Item ID`, [[...mfnRow(), '62985321044321']]);
    expect(await importReportFile(db(), path, { now: fixedNow })).toMatchObject({ reportType: 'mfn-returns', inserted: 1, rejected: 0 });
    expect((await storedRows(db(), 'mfn_returns'))[0]).toMatchObject({ order_item_id: '62985321044321', label_cost_minor: 414 });
  });

  it('keys a returnless refund without RMA id on order, SKU and request date, so a re-import inserts nothing', async () => {
    const returnless = mfnRow({ 'Amazon RMA ID': ' ', 'Tracking ID': ' ', 'Label type': ' ', 'Label cost': ' ', 'Refunded Amount': '39.99', Resolution: 'ReturnlessRefund' });
    // Same order, another SKU, also without RMA id: the two must not collapse into one row.
    const secondItem = [...returnless];
    secondItem[headers.mfnReturns.split('\t').indexOf('Merchant SKU')] = 'DRESS-M';
    const path = writeReport(dir, 'returnless.txt', headers.mfnReturns, [returnless, secondItem]);
    expect(await importReportFile(db(), path, { now: fixedNow })).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await importReportFile(db(), path, { now: fixedNow })).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    const stored = await storedRows(db(), 'mfn_returns');
    expect(stored.map((r) => [r.sku, r.amazon_rma_id, r.refunded_amount_minor])).toEqual([['DRESS-S', '', 3999], ['DRESS-M', '', 3999]]);
    const { items, total } = await listReturns(db(), allCases);
    expect(total).toBe(2);
    expect(items.map((c) => c.status)).toEqual(['returnless_refunded', 'returnless_refunded']);
    expect(items[0]).toMatchObject({ amazonRmaId: null, refundedMinor: 3999, currency: 'USD' });
    expect(await db().db.selectFrom('return_case_events').selectAll().execute()).toHaveLength(2);
  });

  it('keeps an unknown reason code as received and counts it as unmapped', async () => {
    const path = writeReport(dir, 'unmapped.txt', headers.mfnReturns, [
      mfnRow({ 'Return Reason': 'CR-SOMETHING_NEW' }),
      mfnRow({ 'Order ID': '113-7777777-0000002', 'Amazon RMA ID': 'D7ZwRMA02' }),
    ]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ inserted: 2, unmapped: 1, unmappedCodes: ['CR-SOMETHING_NEW'] });
    expect((await storedRows(db(), 'mfn_returns'))[0]!.return_reason).toBe('CR-SOMETHING_NEW');
    const cases = await db().db.selectFrom('return_cases').select(['order_id', 'reason_raw', 'reason_code', 'reason_status', 'reason_category', 'fault']).orderBy('order_id').execute();
    expect(cases).toEqual([
      { order_id: '113-7777777-0000001', reason_raw: 'CR-SOMETHING_NEW', reason_code: 'SOMETHING_NEW', reason_status: 'unmapped', reason_category: null, fault: 'unknown' },
      { order_id: '113-7777777-0000002', reason_raw: 'AMZ-PG-BAD-DESC', reason_code: 'NOT_AS_DESCRIBED', reason_status: 'mapped', reason_category: 'not_as_described', fault: 'seller' },
    ]);
    const [run] = await db().db.selectFrom('import_runs').selectAll().execute();
    expect(run).toMatchObject({ report_type: 'mfn-returns', rows: 2, inserted: 2, unmapped: 1 });
  });
});

describe.each(testDatabases)('importing the seller\'s product sheet on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('detects a CSV product sheet and fills products', async () => {
    const path = join(dir, 'products.csv');
    writeFileSync(path, [
      'sku,asin,title,category,price,unit_cost,currency,weight,accessories',
      'MUG-BLUE-350,b07xj8c8f5,"Travel mug, blue, 350 ml",Kitchen,19.99,4.20,USD,450 g,lid;gift box',
      'LAMP-DESK-01,,Desk lamp with clamp,Home,34.50,11.00,USD,1.2 lb,USB cable|manual',
      'CN-CUP-01,,保温杯,厨房,99.00,25.50,CNY,0.38kg,杯盖、说明书',
    ].join('\n') + '\n');
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'product-sheet', encoding: 'text', rows: 3, inserted: 3, rejected: 0, errors: [] });
    const products = await storedRows(db(), 'products');
    expect(products.map((p) => [p.sku, p.asin, p.title, p.price_minor, p.unit_cost_minor, p.currency, p.weight_grams, JSON.parse(String(p.accessories))])).toEqual([
      ['MUG-BLUE-350', 'B07XJ8C8F5', 'Travel mug, blue, 350 ml', 1999, 420, 'USD', 450, ['lid', 'gift box']],
      ['LAMP-DESK-01', null, 'Desk lamp with clamp', 3450, 1100, 'USD', 544, ['USB cable', 'manual']],
      ['CN-CUP-01', null, '保温杯', 9900, 2550, 'CNY', 380, ['杯盖', '说明书']],
    ]);
    const [run] = await db().db.selectFrom('import_runs').selectAll().execute();
    expect(run).toMatchObject({ report_type: 'product-sheet', rows: 3, inserted: 3 });
  });

  it('refuses an Amazon report saved as CSV instead of overwriting the products with its blanks', async () => {
    const sheet = join(dir, 'costs.csv');
    writeFileSync(sheet, 'sku,title,price,unit_cost\nTSHIRT-M,Shirt,19.99,4.20\n');
    await importReportFile(db(), sheet, { now: fixedNow });
    const saved = join(dir, 'fba-returns-from-excel.csv');
    writeFileSync(saved, [headers.fbaReturns.replaceAll('\t', ','), fbaRow().map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')].join('\n'));
    await expect(importReportFile(db(), saved, { now: fixedNow })).rejects.toMatchObject({
      code: 'unreadable_file', message: expect.stringMatching(/FBA customer returns report saved as a spreadsheet.*tab-delimited/),
    });
    expect((await storedRows(db(), 'products')).map((p) => [p.sku, p.price_minor, p.unit_cost_minor])).toEqual([['TSHIRT-M', 1999, 420]]);
    expect(await db().db.selectFrom('import_runs').select('report_type').execute()).toHaveLength(1);
  });

  // docs/product-sheet.md promises tab-delimited sheets and "the first non-blank row is the header".
  it.each([
    ['a tab-delimited sheet', 'sku\ttitle\tunit_cost\nMUG-1\tMug\t4.20\n'],
    ['a sheet whose first line is blank', '\nsku,title,unit_cost\nMUG-1,Mug,4.20\n'],
  ])('detects %s as a product sheet', async (name, content) => {
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, content);
    expect(await importReportFile(db(), path, { now: fixedNow })).toMatchObject({ reportType: 'product-sheet', inserted: 1, rejected: 0 });
    expect((await storedRows(db(), 'products'))[0]).toMatchObject({ sku: 'MUG-1', title: 'Mug', unit_cost_minor: 420 });
  });
});
