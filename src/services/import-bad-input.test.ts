import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../storage/database.js';
import type { ReportType } from '../domain/report-records.js';
import { importReportFile } from './import-reports.js';
import { importFiles } from './import-files.js';

const fixedNow = () => '2026-11-27T12:00:00.000Z';
const tables = ['import_runs', 'return_cases', 'return_case_events', 'record_changes', 'products', 'fba_returns', 'mfn_returns', 'orders', 'reimbursements', 'removals', 'settlement_refunds'] as const;
type TableName = (typeof tables)[number];

async function countRows(database: Database, table: TableName): Promise<number> {
  const row = await database.db.withTables<Record<TableName, { id: number }>>().selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Row counts of every table an import writes to, for "nothing was written" checks. */
async function countAll(database: Database): Promise<Record<TableName, number>> {
  const counts = await Promise.all(tables.map(async (t) => [t, await countRows(database, t)] as const));
  return Object.fromEntries(counts) as Record<TableName, number>;
}
const nothing = Object.fromEntries(tables.map((t) => [t, 0]));

/** FBA rows with distinct order ids and license plates, for files of any size. */
function manyFbaRows(count: number, firstOrder = 0): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(firstOrder + i).padStart(7, '0');
    return fbaRow({ 'order-id': `112-${n}-0000001`, 'license-plate-number': `LPN${n}`, 'customer-comments': 'Fits smaller than expected, sending it back.' });
  });
}

describe.each(testDatabases)('rejecting bad rows one by one on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  const badFba = () => writeReport(dir, 'bad-rows.txt', headers.fbaReturns, [
    fbaRow({ 'order-id': '112-0000001-0000001', 'license-plate-number': 'LPN1' }),
    fbaRow({ 'order-id': '112-0000003-0000003', 'return-date': 'yesterday' }),
    fbaRow({ 'order-id': '112-0000004-0000004', quantity: 'x' }),
    fbaRow({ 'order-id': '112-0000005-0000005', quantity: '-1' }),
    fbaRow({ 'order-id': '112-0000006-0000006', quantity: '0' }),
    fbaRow({ 'order-id': '' }),
    [...fbaRow({ 'order-id': '112-0000008-0000008' }), 'a stray cell'],
    fbaRow({ 'order-id': '112-0000009-0000009', 'license-plate-number': 'LPN9' }),
  ]);

  it('reports each bad row with its line, column and what is wrong, and imports the good rows', async () => {
    const result = await importReportFile(db(), badFba(), { now: fixedNow });
    expect(result).toMatchObject({ rows: 8, inserted: 2, rejected: 6, updated: 0, errorsTruncated: false });
    expect(result.errors).toEqual([
      { line: 3, column: 'return-date', message: expect.stringMatching(/^return-date is invalid: "yesterday" is not a valid date/) },
      { line: 4, column: 'quantity', message: 'quantity "x" is not a whole number' },
      { line: 5, column: 'quantity', message: 'quantity -1 is below the minimum 1' },
      { line: 6, column: 'quantity', message: 'quantity 0 is below the minimum 1' },
      { line: 7, column: 'order-id', message: 'order-id is empty but required' },
      { line: 8, column: null, message: expect.stringMatching(/^The row has 14 cells but the header has 13/) },
    ]);
    const stored = await db().db.withTables<{ fba_returns: { line: number; order_id: string } }>()
      .selectFrom('fba_returns').select(['line', 'order_id']).orderBy('line').execute();
    expect(stored).toEqual([{ line: 2, order_id: '112-0000001-0000001' }, { line: 9, order_id: '112-0000009-0000009' }]);
    expect(await countRows(db(), 'return_cases')).toBe(2);
    const [run] = await db().db.selectFrom('import_runs').selectAll().execute();
    expect(run).toMatchObject({ rows: 8, inserted: 2, rejected: 6 });
    expect(JSON.parse(run!.errors)).toHaveLength(6);
  });

  it('rejects an amount with letters and keeps the good reimbursement rows', async () => {
    const row = (id: string, amount: string) => headers.reimbursements.split('\t').map((c) => ({
      'approval-date': '2025-06-10T08:00:00+00:00', 'reimbursement-id': id, sku: 'TSHIRT-M', 'currency-unit': 'USD', 'amount-total': amount,
    } as Record<string, string>)[c] ?? '');
    const path = writeReport(dir, 'bad-amount.txt', headers.reimbursements, [row('R1', '12.50'), row('R2', '12.5O USD'), row('R3', 'abc')]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'reimbursements', rows: 3, inserted: 1, rejected: 2 });
    expect(result.errors).toEqual([
      { line: 3, column: 'amount-total', message: expect.stringMatching(/^amount-total is invalid: "12.5O USD" is not an amount/) },
      { line: 4, column: 'amount-total', message: expect.stringMatching(/^amount-total is invalid: "abc" is not an amount/) },
    ]);
    expect(await countRows(db(), 'reimbursements')).toBe(1);
  });

  it('inserts nothing when a file with rejected rows is imported again', async () => {
    const path = badFba();
    await importReportFile(db(), path, { now: fixedNow });
    const again = await importReportFile(db(), path, { now: fixedNow });
    expect(again).toMatchObject({ rows: 8, inserted: 0, updated: 0, unchanged: 2, rejected: 6 });
    expect(again.errors).toHaveLength(6);
    expect(await countAll(db())).toMatchObject({ import_runs: 2, fba_returns: 2, return_cases: 2, return_case_events: 2, record_changes: 0 });
  });

  it('imports the good file of several and refuses a missing one, which stops nothing', async () => {
    const good = writeReport(dir, 'good.txt', headers.fbaReturns, [fbaRow()]);
    const missing = join(dir, 'no-such-report.txt');
    const outcomes = await importFiles(db(), [missing, good], { now: fixedNow });
    expect(outcomes[0]).toEqual({ file: missing, error: { code: 'unreadable_file', message: `There is no file at ${missing}.` } });
    expect(outcomes[1]).toMatchObject({ file: good, reportType: 'fba-returns', inserted: 1 });
    expect(await countAll(db())).toMatchObject({ import_runs: 1, fba_returns: 1, return_cases: 1 });
  });
});

describe.each(testDatabases)('refusing a whole file on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcffff3f0005fe02fea7d6a4e80000000049454e44ae426082', 'hex');
  const fbaWithoutLpn = headers.fbaReturns.replace('\tlicense-plate-number', '');
  const refusals: Array<[string, () => Buffer | string, { type?: ReportType }, RegExp]> = [
    ['an empty file', () => Buffer.alloc(0), {}, /The file is empty/],
    ['a PNG image', () => png, {}, /looks binary.*PNG image/],
    ['a header no report has', () => 'colour\tsize\tprice\nred\tM\t9.99\n', {}, /header is not one of the Amazon reports.*colour, size, price/],
    ['an FBA header without license-plate-number', () => [fbaWithoutLpn, fbaRow().filter((_, i) => i !== 11).join('\t')].join('\n'), {}, /FBA customer returns report, but its header lacks the column\(s\) license-plate-number/],
    ['a type forced onto a header that lacks its columns', () => [headers.fbaReturns, fbaRow().join('\t')].join('\n'), { type: 'mfn-returns' }, /MFN\) returns report, but its header lacks the column\(s\) return-request-date, amazon-rma-id, merchant-sku, return-quantity/],
    ['a comma-separated file that is not a product sheet', () => 'order,date,amount\n112-1,2025-06-05,9.99\n', {}, /comma- or semicolon-separated.*tab-delimited/],
  ];

  it.each(refusals)('refuses %s and writes nothing', async (_name, content, options, message) => {
    const path = join(dir, `refused-${Math.random()}.txt`);
    writeFileSync(path, content());
    await expect(importReportFile(db(), path, { now: fixedNow, ...options })).rejects.toMatchObject({ name: 'DomainError', code: 'unreadable_file', message: expect.stringMatching(message) });
    expect(await countAll(db())).toEqual(nothing);
  });

  it('refuses a UTF-8 file with a bad byte after the first 1 MiB chunk, rolling back the rows before it', async () => {
    const good = `${headers.fbaReturns}\n${manyFbaRows(8000).map((r) => r.join('\t')).join('\n')}\n`;
    expect(Buffer.byteLength(good)).toBeGreaterThan(1.2 * (1 << 20));
    const bad = Buffer.concat([Buffer.from(good), Buffer.from('2025-06-05\t112-9-9\tSKU\t\t\t\t1\t\tSELLABLE\t\t\tLPNBAD\tGr'), Buffer.from([0xf6]), Buffer.from('\u00dfe\n')]);
    const path = join(dir, 'bad-utf8.txt');
    writeFileSync(path, bad);
    const offset = bad.indexOf(0xf6);
    const progress: number[] = [];
    await expect(importReportFile(db(), path, { now: fixedNow, onProgress: (p) => progress.push(p.rows) })).rejects.toMatchObject({
      name: 'DomainError', code: 'unreadable_file', message: expect.stringContaining(`not valid UTF-8 (first bad byte near byte offset ${offset})`),
    });
    expect(progress.length).toBeGreaterThan(0); // at least one batch was merged before the failure
    expect(await countAll(db())).toEqual(nothing);
  });

  it('writes nothing of a file when the db() fails in a later batch', async () => {
    // Batches hold a few thousand rows: the row that makes the db() fail sits in a later one.
    const path = writeReport(dir, 'crash.txt', headers.fbaReturns, manyFbaRows(6000));
    const doomed = '112-0005500-0000001';
    if (db().dialect === 'sqlite') {
      await sql.raw(`create trigger fail_import before insert on fba_returns when new.order_id = '${doomed}' begin select raise(abort, 'boom: trigger refused the row'); end`).execute(db().db);
    } else {
      await sql.raw(`create function fail_import() returns trigger language plpgsql as $$ begin
        if new.order_id = '${doomed}' then raise exception 'boom: trigger refused the row'; end if; return new; end $$`).execute(db().db);
      await sql.raw('create trigger fail_import before insert on fba_returns for each row execute function fail_import()').execute(db().db);
    }
    const progress: number[] = [];
    await expect(importReportFile(db(), path, { now: fixedNow, onProgress: (p) => progress.push(p.rows) })).rejects.toThrow(/boom/);
    expect(progress.length).toBeGreaterThan(0); // at least one batch was merged before the failure
    expect(await countAll(db())).toEqual(nothing);

    const outcomes = await importFiles(db(), [path], { now: fixedNow });
    expect(outcomes).toEqual([{ file: path, error: { code: 'failure', message: expect.stringMatching(/failed and was rolled back: .*boom/) } }]);
    expect(await countAll(db())).toEqual(nothing);
  });
});
