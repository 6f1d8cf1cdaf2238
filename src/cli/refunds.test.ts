import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedAt } from '../../test/decision-fixtures.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { headers, rowOf, writeReport } from '../../test/report-files.js';
import { importReportFile } from '../services/import-reports.js';
import { openDatabase } from '../services/open-database.js';
import type { CaseRefundQuote } from '../services/case-refund.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// A £40.00 UK unit the buyer no longer wants, received and inspected with moderate use (used_good).

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
const rma = 'RMA-202-0000001-0000001';

async function inspectedLamp(): Promise<void> {
  const header = `${headers.mfnReturns}\torder-item-id`;
  const row = rowOf(header, {
    'Order ID': '202-0000001-0000001', 'Return request date': '2026-03-02T10:00:00+00:00', 'Return request status': 'Approved', 'Amazon RMA ID': rma,
    'Label cost': '3.50', 'Currency code': 'GBP', 'Label to be paid by': 'Seller', 'Merchant SKU': 'LAMP-1', 'Item Name': 'Desk lamp', 'Return quantity': '1',
    'Return Reason': 'CR-UNWANTED_ITEM', 'In policy': 'Y', 'Order Amount': '40.00', 'Order quantity': '1', 'order-item-id': 'OI-1',
  }, ' ');
  const { database } = await openDatabase(cli.location);
  try {
    await importReportFile(database, writeReport(cli.dir, 'mfn.txt', header, [row]), { marketplace: 'UK', now: importedAt });
  } finally {
    await database.close();
  }
  await run('receive', rma, '--by', 'Li Wei', '--box', 'intact');
  await run('inspect', rma, '--by', 'Zhang Min', '--evidence-dir', join(cli.dir, 'evidence'), '--unit-present', 'yes', '--outer-box', 'intact',
    '--listing', 'yes', '--packaging', 'opened_intact', '--seal', 'broken', '--use', 'moderate', '--damage', 'none');
  cli.log.mockClear();
}

describe('returndesk refund and export adjustments', () => {
  it('quotes line by line with the rules, the Seller Central steps and the buyer message', async () => {
    await inspectedLamp();
    expect(await run('refund', 'quote', rma, '--fee', 'max', '--deduct-label')).toBe(ExitCode.ok);
    expect(printed()).toMatch(/refund £16\.50 of £40\.00 paid/);
    expect(printed()).toMatch(/restocking_fee +-£20\.00 +restocking-fee-not-original-condition/);
    expect(printed()).toContain('In Seller Central (Manage Returns):');
    expect(printed()).toMatch(/Message \(en, ready to send\)/);
  });

  it('prints the quote as JSON', async () => {
    await inspectedLamp();
    expect(await run('refund', 'quote', rma, '--fee', '10%', '--json')).toBe(ExitCode.ok);
    const result = JSON.parse(String(cli.log.mock.calls[0]![0])) as CaseRefundQuote;
    expect(result.quote.totalMinor).toBe(3600);
  });

  it('records the refund and exports it to a feed file once', async () => {
    await inspectedLamp();
    expect(await run('refund', 'record', rma, '--by', 'Li Wei', '--fee', 'max')).toBe(ExitCode.ok);
    expect(printed()).toMatch(/refund of £20\.00 recorded \(inspected -> refunded\)/);
    const out = join(cli.dir, 'adjustments.txt');
    expect(await run('export', 'adjustments', '--out', out)).toBe(ExitCode.ok);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('202-0000001-0000001\tOI-1\tCustomerReturn\tGBP\t20.00\t\t0.00\t\t\t\t\t\t\t\t');
    cli.log.mockClear();
    expect(await run('export', 'adjustments', '--out', join(cli.dir, 'again.txt'))).toBe(ExitCode.ok);
    expect(printed()).toBe('No refund to export.');
    expect(existsSync(join(cli.dir, 'again.txt'))).toBe(false);
  });

  it.each([
    [['refund', 'quote', rma, '--fee', '70%'], ExitCode.badInput, /cap/],
    [['refund', 'record', 'RMA-NOPE', '--by', 'Li Wei'], ExitCode.badInput, /No return case matches/],
  ])('refuses %j', async (args, code, message) => {
    await inspectedLamp();
    expect(await run(...args)).toBe(code);
    expect(errors()).toMatch(message);
  });

  it('changes nothing when the feed file cannot be written', async () => {
    await inspectedLamp();
    await run('refund', 'record', rma, '--by', 'Li Wei');
    expect(await run('export', 'adjustments', '--out', join(cli.dir, 'no-such-dir', 'feed.txt'))).toBe(ExitCode.badInput);
    expect(errors()).toMatch(/Nothing was marked exported/);
    expect(await run('export', 'adjustments', '--out', join(cli.dir, 'feed.txt'))).toBe(ExitCode.ok);
    expect(readFileSync(join(cli.dir, 'feed.txt'), 'utf8')).toContain('OI-1');
  });
});
