import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { dayPlus, fbaReturn, importRows, orderLine } from '../../test/prevention-fixtures.js';
import { headers } from '../../test/report-files.js';
import { openDatabase } from '../services/open-database.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// MUG ships 40 units a week in the 8 weeks from 2026-03-02, 4 a week back; 40 a week in the 8 weeks
// from 2026-05-04, none back. The fix went live on 2026-04-29 (its week, 04-27, is left out).

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');

async function loadMugs(): Promise<void> {
  const lines: string[][] = [];
  const returns: string[][] = [];
  let n = 0;
  for (let w = 0; w < 8; w++) {
    for (const [start, back] of [['2026-03-02', 4], ['2026-05-04', 0]] as const) {
      const monday = dayPlus(start, 7 * w).slice(0, 10);
      const first = n + 1;
      for (let i = 0; i < 8; i++) lines.push(orderLine(++n, 'MUG', 5, { purchased: dayPlus(monday, i % 7) }));
      for (let r = 0; r < back; r++) returns.push(fbaReturn(first + r, 'MUG', 'DAMAGED_BY_CARRIER', { returned: dayPlus(monday, 5) }));
    }
  }
  // The returns reports reach 15 July: a CUP bought in January came back then.
  lines.push(orderLine(++n, 'CUP', 1, { purchased: dayPlus('2026-01-05', 0) }));
  returns.push(fbaReturn(n, 'CUP', 'UNWANTED_ITEM', { returned: dayPlus('2026-07-15', 0) }));
  const { database } = await openDatabase(cli.location);
  try {
    await importRows(database, cli.dir, 'orders.txt', headers.allOrders, lines);
    await importRows(database, cli.dir, 'returns.txt', headers.fbaReturns, returns);
  } finally {
    await database.close();
  }
}

describe('returndesk fix', () => {
  it('records a fix and says whether it helped, in print, JSON and CSV', async () => {
    await loadMugs();
    expect(await run('fix', 'add', '--sku', 'MUG', '--on', '2026-04-29', '--what', 'Double-wall box', '--by', 'Wei')).toBe(ExitCode.ok);
    expect(printed()).toContain('Fix #1 recorded for MUG.');
    const csv = join(cli.dir, 'fixes.csv');
    expect(await run('fix', 'list', '--as-of', '2026-07-20', '--csv', csv)).toBe(ExitCode.ok);
    expect(printed()).toContain('#1 2026-04-29 MUG (all marketplaces): Double-wall box');
    expect(printed()).toContain('helped: 32/320 10.0% before, 0/320 0.0% after (8 of 8 weeks); change -10.0%');
    expect(readFileSync(csv, 'utf8').split('\n')[1]).toMatch(/^1,MUG,,2026-04-29,Double-wall box,8,helped,320,32,10\.00,320,0,0\.00,-10\.00,/);
    expect(await run('fix', 'list', '--as-of', '2026-05-10', '--json')).toBe(ExitCode.ok);
    const [waiting] = JSON.parse(printed().split('\n').at(-1)!) as { weeksAfter: number; verdict: unknown }[];
    expect(waiting).toMatchObject({ weeksAfter: 0, verdict: null });
  });

  it('refuses a SKU it has never seen, with exit code 2', async () => {
    await loadMugs();
    expect(await run('fix', 'add', '--sku', 'MUGG', '--on', '2026-04-29', '--what', 'Box', '--by', 'Wei')).toBe(ExitCode.badInput);
    expect(errors()).toContain('No order line, return or product has the SKU "MUGG"');
    expect(await run('fix', 'list')).toBe(ExitCode.ok);
    expect(printed()).toContain('No fixes recorded');
  });
});
