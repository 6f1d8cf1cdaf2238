import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { headers, mfnRow, rowOf, writeReport } from '../../test/report-files.js';
import { importReportFile } from '../services/import-reports.js';
import { openDatabase } from '../services/open-database.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// 40 units of one SKU shipped in March 2026, 6 came back too small.

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
const orderId = (n: number) => `111-${String(n).padStart(7, '0')}-0000001`;

async function loadTees(): Promise<void> {
  const orders = Array.from({ length: 40 }, (_, i) => rowOf(headers.allOrders, {
    'amazon-order-id': orderId(i + 1), 'purchase-date': '2026-03-10T10:00:00+00:00', 'order-status': 'Shipped', 'fulfillment-channel': 'Amazon',
    'sales-channel': 'Amazon.com', sku: 'TEE-M', asin: 'B0TEE', quantity: '1', currency: 'USD', 'item-price': '15.00', 'item-status': 'Shipped',
  }));
  const returns = Array.from({ length: 6 }, (_, i) => rowOf(headers.fbaReturns, {
    'return-date': '2026-03-25T15:31:40+00:00', 'order-id': orderId(i + 1), sku: 'TEE-M', asin: 'B0TEE', fnsku: 'X0TEE', quantity: '1',
    'detailed-disposition': 'SELLABLE', reason: 'APPAREL_TOO_SMALL', status: 'Unit returned to inventory', 'license-plate-number': `LPN00000000${i}`,
  }));
  const { database } = await openDatabase(cli.location);
  try {
    const now = () => '2026-06-01T00:00:00.000Z';
    await importReportFile(database, writeReport(cli.dir, 'orders.txt', headers.allOrders, orders), { marketplace: 'US', now });
    await importReportFile(database, writeReport(cli.dir, 'returns.txt', headers.fbaReturns, returns), { marketplace: 'US', now });
  } finally {
    await database.close();
  }
}

describe('returndesk report rates', () => {
  it('prints each SKU\'s rate with its interval and reasons, and writes the table to a CSV file', async () => {
    await loadTees();
    const csv = join(cli.dir, 'rates.csv');
    expect(await run('report', 'rates', '--csv', csv)).toBe(ExitCode.ok);
    expect(printed()).toContain('US\tTEE-M\t2026-03\t6/40\t15.0% (7.1%..29.1%) provisional\tsize_fit 6');
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\n')[1]).toBe('US,TEE-M,B0TEE,2026-03,40,6,15.00,7.06,29.07,no,yes,,6,6');
  });

  it('writes the table to an Excel workbook, counts and percentages as numbers, the rest as text', async () => {
    await loadTees();
    const xlsx = join(cli.dir, 'rates.xlsx');
    expect(await run('report', 'rates', '--xlsx', xlsx)).toBe(ExitCode.ok);
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Return rates')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['marketplace', 'sku', 'asins', 'month', 'shipped', 'returned', 'rate_pct', 'low_pct', 'high_pct',
      'small_sample', 'provisional', 'problem', 'reason:size_fit', 'fault:unknown']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['US', 'TEE-M', 'B0TEE', '2026-03', 40, 6, 15, 7.06, 29.07, 'no', 'yes', '', 6, 6]);
    expect(await run('report', 'rates', '--xlsx', join(cli.dir, 'no-such-dir', 'rates.xlsx'))).toBe(ExitCode.badInput);
  });

  it('prints one JSON document', async () => {
    await loadTees();
    expect(await run('report', 'rates', '--json', '--from', '2026-03')).toBe(ExitCode.ok);
    const result = JSON.parse(printed()) as { rows: { sku: string; returned: number; shipped: number }[] };
    expect(result.rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([['TEE-M', 6, 40]]);
  });

  it('writes a cell that starts like a formula as text, and says so when the file cannot be written', async () => {
    const { database } = await openDatabase(cli.location);
    try {
      await importReportFile(database, writeReport(cli.dir, 'orders.txt', headers.allOrders, [rowOf(headers.allOrders, {
        'amazon-order-id': orderId(1), 'purchase-date': '2026-03-10T10:00:00+00:00', 'order-status': 'Shipped', 'fulfillment-channel': 'Amazon',
        'sales-channel': 'Amazon.com', sku: '=HYPERLINK("http://x")', asin: 'B0TEE', quantity: '1', currency: 'USD', 'item-price': '15.00',
      })]), { marketplace: 'US', now: () => '2026-06-01T00:00:00.000Z' });
    } finally {
      await database.close();
    }
    const csv = join(cli.dir, 'rates.csv');
    expect(await run('report', 'rates', '--csv', csv)).toBe(ExitCode.ok);
    expect(readFileSync(csv, 'utf8').split('\n')[1]).toMatch(/^US,"'=HYPERLINK\(""http:\/\/x""\)",/);
    expect(await run('report', 'rates', '--csv', join(cli.dir, 'no-such-dir', 'rates.csv'))).toBe(ExitCode.badInput);
    expect(errors()).toContain('Cannot write');
  });

  it('refuses a month that is not one, with exit code 2', async () => {
    expect(await run('report', 'rates', '--from', 'March')).toBe(ExitCode.badInput);
    expect(errors()).toContain('--from must be a month as YYYY-MM');
  });
});

describe('returndesk report spikes', () => {
  it('says which weeks it compared, and lists only spikes unless asked for all', async () => {
    await loadTees();
    expect(await run('report', 'spikes', '--as-of', '2026-06-29')).toBe(ExitCode.ok);
    // The imported returns end on 2026-03-25: the weeks are judged on the 26th, not on the day asked for.
    expect(printed()).toContain('Purchase weeks 2026-02-23 to 2026-03-09 (exclusive) against 2025-12-01 to 2026-02-23');
    expect(printed()).toContain('judged on 2026-03-26.\nThe imported returns reach 2026-03-25: later weeks wait for newer return reports.');
    expect(printed()).toContain('No spikes.');
    // The 40 units bought on 10 March are in no closed week yet: nothing to judge.
    expect(printed()).toContain('0 SKUs steady, 0 with too few units or returns to judge');
    expect(await run('report', 'spikes', '--as-of', '2026-06-29', '--all')).toBe(ExitCode.ok);
    expect(printed()).not.toContain('TEE-M');
  });

  it('writes the verdicts to CSV, and refuses a date that is not one', async () => {
    await loadTees();
    const csv = join(cli.dir, 'spikes.csv');
    expect(await run('report', 'spikes', '--as-of', '2026-06-29', '--csv', csv)).toBe(ExitCode.ok);
    expect(readFileSync(csv, 'utf8').slice(1).split('\n')[0]).toBe('marketplace,sku,verdict,z,recent_shipped,recent_returned,recent_rate_pct,recent_low_pct,recent_high_pct,baseline_shipped,baseline_returned,baseline_rate_pct');
    expect(await run('report', 'spikes', '--as-of', '29/06/2026')).toBe(ExitCode.badInput);
    expect(errors()).toContain('--as-of must be a date as YYYY-MM-DD');
  });
});

describe('returndesk report costs and causes', () => {
  it('prints the month\'s headline: what returns cost and what was recovered', async () => {
    const { database } = await openDatabase(cli.location);
    try {
      await importReportFile(database, writeReport(cli.dir, 'mfn.txt', headers.mfnReturns, [mfnRow({ 'Refunded Amount': '39.99', 'Return delivery date': '15-Jul-2025' })]),
        { marketplace: 'US', now: () => '2026-06-01T00:00:00.000Z' });
    } finally {
      await database.close();
    }
    const csv = join(cli.dir, 'costs.csv');
    expect(await run('report', 'costs', '--csv', csv)).toBe(ExitCode.ok);
    expect(printed()).toContain('2025-07 (USD): returns cost $47.13; ReturnDesk recovered $0.00.');
    expect(readFileSync(csv, 'utf8').split('\n')[1]).toMatch(/^US,DRESS-S,2025-07,USD,39\.99,4\.14,3\.00,0\.00,0\.00,47\.13,/);
  });

  it('prints each marketplace\'s reasons and says when no SKU stands out; refuses a bad language or limit', async () => {
    await loadTees();
    expect(await run('report', 'causes')).toBe(ExitCode.ok);
    expect(printed()).toContain('US: 6/40 units returned (15.0%); reasons: size_fit 100.0%');
    expect(printed()).toContain('No SKU returns clearly more than its marketplace.');
    expect(await run('report', 'causes', '--lang', 'fr')).toBe(ExitCode.badInput);
    expect(errors()).toContain('--lang must be en or zh');
    expect(await run('report', 'causes', '--limit', '0')).toBe(ExitCode.badInput);
  });
});
