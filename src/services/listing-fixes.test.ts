import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, scratchDir } from '../../test/report-files.js';
import { dayPlus, fbaReturn, importRows, orderLine } from '../../test/prevention-fixtures.js';
import { fixTable, listingFixResults, recordListingFix } from './listing-fixes.js';

// Planted by construction: LAMP ships 50 units a week from 2026-02-16 to 2026-06-14. In the 8 weeks
// before its fix (week of 2026-04-13, left out) 6 a week come back; in the 8 weeks after, 1 a week: the
// fix helped (12% to 2%). MUG keeps 3 a week on both sides: unclear. Judged on 2026-07-06, when the
// weeks up to 2026-06-14 are closed (follow-up 2 weeks).

const weeks = (from: string, count: number) => Array.from({ length: count }, (_, i) => dayPlus(from, 7 * i).slice(0, 10));
const now = '2026-07-06T09:00:00.000Z';

describe.each(testDatabases)('the fix log on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  /** `returnsUntil`: the day the returns reports end (later returns are not imported); another SKU has a return that day. */
  async function plant(returnsUntil = '2026-07-05'): Promise<void> {
    const lines: string[][] = [];
    const returns: string[][] = [];
    let n = 0;
    const week = (monday: string, sku: string, returnCount: number, channel = 'Amazon.com') => {
      const first = n + 1;
      for (let i = 0; i < 10; i++) lines.push(orderLine(++n, sku, 5, { purchased: dayPlus(monday, i % 7), channel }));
      for (let r = 0; r < returnCount; r++) returns.push(fbaReturn(first + r, sku, 'NOT_AS_DESCRIBED', { returned: dayPlus(monday, 4) }));
    };
    for (const monday of weeks('2026-02-16', 8)) { week(monday, 'LAMP', 6); week(monday, 'MUG', 3); }
    week('2026-04-13', 'LAMP', 3);
    for (const monday of weeks('2026-04-20', 8)) { week(monday, 'LAMP', 1); week(monday, 'MUG', 3); }
    // The same LAMP in Canada, unchanged at 6 a week: a fix recorded for the US only does not see it.
    for (const monday of [...weeks('2026-02-16', 8), ...weeks('2026-04-20', 8)]) week(monday, 'LAMP', 6, 'Amazon.ca');
    lines.push(orderLine(++n, 'CUP', 1, { purchased: dayPlus('2026-01-05', 0) }));
    returns.push(fbaReturn(n, 'CUP', 'UNWANTED_ITEM', { returned: dayPlus(returnsUntil, 0) }));
    await importRows(db(), dir, 'orders.txt', headers.allOrders, lines);
    const returnDate = headers.fbaReturns.split('\t').indexOf('return-date');
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, returns.filter((r) => r[returnDate]!.slice(0, 10) <= returnsUntil));
  }

  it('says a fix with a planted drop helped, with its interval, and one without a change is unclear', async () => {
    await plant();
    await recordListingFix(db(), 1, { sku: 'LAMP', marketplace: 'US', changedOn: '2026-04-15', what: 'New photos and dimensions in cm', by: 'Mei' }, now);
    await recordListingFix(db(), 1, { sku: 'MUG', changedOn: '2026-04-15', what: 'FAQ on dishwasher use', by: 'Mei' }, now);
    await recordListingFix(db(), 1, { sku: 'LAMP', changedOn: '2026-04-15', what: 'Same change, every marketplace', by: 'Mei' }, now);

    const results = await listingFixResults(db(), 1, { asOf: '2026-07-06' });
    expect(results.map((r) => [r.fix.sku, r.fix.marketplaceCode, r.weeksAfter, r.verdict?.verdict])).toEqual([
      ['LAMP', 'US', 8, 'helped'], ['MUG', null, 8, 'unclear'], ['LAMP', null, 8, 'helped'],
    ]);
    const lamp = results[0]!;
    expect(lamp.before).toEqual({ from: '2026-02-16', to: '2026-04-13' });
    expect(lamp.after).toEqual({ from: '2026-04-20', to: '2026-06-15' });
    expect(lamp.verdict).toMatchObject({ before: { count: 48, total: 400 }, after: { count: 8, total: 400 } });
    expect(lamp.verdict!.difference).toBeCloseTo(-0.1, 10);
    expect(lamp.verdict!.high).toBeLessThan(0);
    // Every marketplace: the Canadian 12% on both sides dilutes the drop to 12% → 7%, still clear on 800 units.
    expect(results[2]!.verdict).toMatchObject({ before: { count: 96, total: 800 }, after: { count: 56, total: 800 } });
    expect(fixTable(results)[1]!.slice(0, 7)).toEqual(['1', 'LAMP', 'US', '2026-04-15', 'New photos and dimensions in cm', '8', 'helped']);
  });

  it('waits for the weeks after a fix to close, and judges on the weeks closed so far', async () => {
    await plant();
    await recordListingFix(db(), 1, { sku: 'LAMP', marketplace: 'US', changedOn: '2026-04-15', what: 'New photos', by: 'Mei' }, now);
    expect((await listingFixResults(db(), 1, { asOf: '2026-05-03' }))[0]).toMatchObject({ weeksAfter: 0, verdict: null, problem: null });
    const early = (await listingFixResults(db(), 1, { asOf: '2026-05-18' }))[0]!;
    expect(early.weeksAfter).toBe(2);
    expect(early.verdict).toMatchObject({ after: { count: 2, total: 100 } });
    expect(fixTable([{ ...early, verdict: null, weeksAfter: 0 }])[1]![6]).toBe('waiting');
  });

  it('judges only the weeks whose returns the imported reports reach, whatever the day asked for', async () => {
    // The returns reports end on 2026-05-08: the week of 2026-04-20, the first after the fix, could
    // still bring returns asked for up to 2026-05-10, so no week after the fix is closed.
    await plant('2026-05-08');
    await recordListingFix(db(), 1, { sku: 'LAMP', marketplace: 'US', changedOn: '2026-04-15', what: 'New photos', by: 'Mei' }, now);
    const [result] = await listingFixResults(db(), 1, { asOf: '2026-07-06' });
    expect(result).toMatchObject({ weeksAfter: 0, verdict: null });
    await expect(listingFixResults(db(), 1, { asOf: '2099-01-01' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('is in the future') });
  });

  it('takes a SKU known only from a pending order line or a return without one', async () => {
    await importRows(db(), dir, 'pending.txt', headers.allOrders, [orderLine(1, 'PEND', 1, { status: 'Pending' })]);
    await importRows(db(), dir, 'return.txt', headers.fbaReturns, [fbaReturn(2, 'ONLYRET', 'DEFECTIVE')]);
    for (const sku of ['PEND', 'ONLYRET']) {
      await expect(recordListingFix(db(), 1, { sku, changedOn: '2026-04-15', what: 'Box', by: 'Mei' }, now)).resolves.toMatchObject({ sku });
    }
  });

  it('refuses an unknown SKU, a future day, an unknown marketplace and an empty change', async () => {
    await plant();
    const fix = { sku: 'LAMP', changedOn: '2026-04-15', what: 'New photos', by: 'Mei' };
    const refused = (change: Partial<typeof fix & { marketplace: string }>, message: string) =>
      expect(recordListingFix(db(), 1, { ...fix, ...change }, now)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining(message) });
    await refused({ sku: 'LAMPP' }, 'No order line, return or product has the SKU "LAMPP"');
    await refused({ marketplace: 'DE' }, 'LAMP has no order lines or returns in DE, only in CA, US');
    await refused({ changedOn: '2026-07-07' }, 'is in the future');
    await refused({ changedOn: '15.04.2026' }, '--on must be a date as YYYY-MM-DD');
    await refused({ marketplace: 'Narnia' }, '--marketplace "Narnia" is not a marketplace');
    await refused({ what: '  ' }, '--what must say what changed');
    await refused({ by: '' }, '--by must name who');
    expect(await listingFixResults(db(), 1)).toEqual([]);
  });
});
