import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, scratchDir } from '../../test/report-files.js';
import { dayPlus, fbaReturn, importRows, orderLine } from '../../test/prevention-fixtures.js';
import { accountSpikes, spikeTable } from './spikes.js';

// Planted by construction, judged on Monday 2026-06-29 with the default policy (follow-up 2 weeks,
// 2 recent weeks, 12 baseline weeks): the weeks of 2026-06-01 and 06-08 are recent, 03-09 to 05-25 the
// baseline, 06-15 on still open. LAMP ships 50 units a week and has 1 return a week, then 6 a week in
// the recent weeks: a spike (12% against 2%, z ≈ 5.1). MUG keeps 1 a week: steady. TINY ships 5 a
// week: too few. Returns asked for after the follow-up, and those of the open weeks, count nowhere.

const baselineWeeks = ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27',
  '2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'];
const recentWeeks = ['2026-06-01', '2026-06-08'];

describe.each(testDatabases)('accountSpikes on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('finds the planted spike against the SKU\'s own baseline, with the same follow-up on both sides', async () => {
    const lines: string[][] = [];
    const returns: string[][] = [];
    let n = 0;
    const week = (monday: string, sku: string, unitsPerLine: number, returnCount: number, returnAfterDays = 3) => {
      const first = n + 1;
      for (let i = 0; i < 10; i++) lines.push(orderLine(++n, sku, unitsPerLine, { purchased: dayPlus(monday, i % 7) }));
      for (let r = 0; r < returnCount; r++) returns.push(fbaReturn(first + r, sku, 'DEFECTIVE', { returned: dayPlus(monday, returnAfterDays) }));
    };
    for (const monday of baselineWeeks) {
      week(monday, 'LAMP', 5, 1);
      week(monday, 'MUG', 5, 1);
      week(monday, 'TINY', 1, 0);
    }
    for (const monday of recentWeeks) {
      week(monday, 'LAMP', 5, 6);
      week(monday, 'MUG', 5, 1);
      week(monday, 'TINY', 1, 2);
    }
    week('2026-06-01', 'LAMP', 5, 3, 30); // asked for after the 2-week follow-up
    week('2026-06-15', 'LAMP', 5, 9); // an open week
    await importRows(db(), dir, 'orders.txt', headers.allOrders, lines);
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, returns);

    const report = await accountSpikes(db(), 1, { asOf: '2026-06-29' });
    expect(report).toMatchObject({ asOf: '2026-06-29', judgedOn: '2026-06-29', returnsThrough: '2026-07-01' });
    expect(report.recent).toEqual({ from: '2026-06-01', to: '2026-06-15' });
    expect(report.baseline).toEqual({ from: '2026-03-09', to: '2026-06-01' });
    expect(report.rows.map((r) => [r.sku, r.verdict, r.recent.count, r.recent.total, r.baseline.count, r.baseline.total])).toEqual([
      ['LAMP', 'spike', 12, 150, 12, 600], ['MUG', 'steady', 2, 100, 12, 600], ['TINY', 'too_few', 4, 20, 0, 120],
    ]);
    // The late LAMP week adds 50 units shipped and none of its 3 late returns.
    expect(report.rows[0]!.z).toBeGreaterThan(3);
    expect(spikeTable(report)[1]!.slice(0, 6)).toEqual(['US', 'LAMP', 'spike', report.rows[0]!.z.toFixed(2), '150', '12']);

    // A week earlier, the recent weeks were the calm ones: no spike.
    const before = await accountSpikes(db(), 1, { asOf: '2026-06-15' });
    expect(before.rows.find((r) => r.sku === 'LAMP')?.verdict).toBe('steady');
  });

  it('refuses a day that is not one', async () => {
    await expect(accountSpikes(db(), 1, { asOf: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--as-of must be a date') });
  });
});
