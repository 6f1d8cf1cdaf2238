import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import type { Database } from './database.js';
import { fbaMonthUnits, marketplaceReasonUnits, purchaseMonths, skuReasonUnits, skuUnits } from './prevention-sums-repository.js';

// The sums report causes reads from the rollups: over the purchase months asked for, never the
// returns without an order line (month ''), whatever the months.

const months = [
  ['2026-02', 'US', 'LAMP', 'B0LAMP', 'fba', 999],
  ['2026-03', 'US', 'LAMP', 'B0LAMP', 'fba', 60],
  ['2026-04', 'US', 'LAMP', 'B0LAMP', 'fba', 30],
  // A second ASIN in the month: summed with the first.
  ['2026-04', 'US', 'LAMP', 'B0LAMP2', 'fba', 10],
  ['2026-03', 'US', 'MUG', 'B0MUG', 'mfn', 1000],
  ['2026-03', 'DE', 'CUP', 'B0CUP', 'fba', 50],
] as const;
const returns = [
  ['2026-02', 'US', 'LAMP', 'fba', 99, { other: 99 }],
  ['2026-03', 'US', 'LAMP', 'fba', 15, { not_as_described: 15 }],
  ['2026-04', 'US', 'LAMP', 'fba', 3, { defective_quality: 3 }],
  ['2026-04', 'US', 'LAMP', 'mfn', 2, { defective_quality: 1, size_fit: 1 }],
  // The same SKU in another marketplace is another listing.
  ['2026-03', 'DE', 'LAMP', 'fba', 5, { size_fit: 5 }],
  ['2026-03', 'US', 'MUG', 'mfn', 20, { changed_mind: 20 }],
  ['', 'US', 'MUG', '', 7, { changed_mind: 7 }],
  ['2026-03', 'DE', 'CUP', 'fba', 25, { damaged_in_transit: 25 }],
  ['2026-04', 'US', 'PEN', 'fba', 1, { other: 1 }],
] as const;

async function insertRollups(database: Database): Promise<void> {
  await database.db.insertInto('prevention_months').values(months.map(([month, marketplaceCode, sku, asin, fulfillment, shipped]) => ({
    account_id: 1, month, marketplace_code: marketplaceCode, sku, asin, fulfillment, shipped,
  }))).execute();
  await database.db.insertInto('prevention_month_returns').values(returns.map(([month, marketplaceCode, sku, fulfillment, units, byReason]) => ({
    account_id: 1, month, marketplace_code: marketplaceCode, sku, fulfillment, units, by_reason: JSON.stringify(byReason), by_fault: JSON.stringify({ unknown: units }),
  }))).execute();
  // The marketplace reasons as a month's rebuild writes them (prevention-rollups.test.ts holds it to a build in full).
  const marketReasons = new Map<string, { month: string; marketplace_code: string; reason: string; units: number }>();
  for (const [month, marketplaceCode, , , , byReason] of returns) {
    if (month === '') continue;
    for (const [reason, units] of Object.entries(byReason)) {
      const row = marketReasons.get(`${month} ${marketplaceCode} ${reason}`) ?? { month, marketplace_code: marketplaceCode, reason, units: 0 };
      row.units += units as number;
      marketReasons.set(`${month} ${marketplaceCode} ${reason}`, row);
    }
  }
  await database.db.insertInto('prevention_market_reasons').values([...marketReasons.values()].map((r) => ({ account_id: 1, ...r }))).execute();
}

const range = { fromMonth: '2026-03', toMonth: '2026-04' };
const keyOf = (row: { marketplaceCode: string; sku: string }) => `${row.marketplaceCode} ${row.sku}`;
const byKey = <T extends { marketplaceCode: string; sku: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));

describe.each(testDatabases)('prevention sums on $name', (target) => {
  const db = useFreshDatabase(target);

  it('sums units per marketplace and SKU over the months, leaving out returns without an order line', async () => {
    await insertRollups(db());
    expect(byKey(await skuUnits(db().db, 1, range))).toEqual([
      { marketplaceCode: 'DE', sku: 'CUP', shipped: 50, returned: 25, fba: true },
      { marketplaceCode: 'DE', sku: 'LAMP', shipped: 0, returned: 5, fba: true },
      { marketplaceCode: 'US', sku: 'LAMP', shipped: 100, returned: 20, fba: true },
      { marketplaceCode: 'US', sku: 'MUG', shipped: 1000, returned: 20, fba: false },
      { marketplaceCode: 'US', sku: 'PEN', shipped: 0, returned: 1, fba: true },
    ]);
    const open = await skuUnits(db().db, 1, { toMonth: '2026-04' });
    expect(open.find((u) => u.sku === 'LAMP' && u.marketplaceCode === 'US')).toMatchObject({ shipped: 1099, returned: 119 });
    expect(open.find((u) => u.sku === 'MUG')).toMatchObject({ returned: 20 });
  });

  it('names every month of the range with returns possible, from the first month with returns to the last', async () => {
    expect(await purchaseMonths(db().db, 1, {})).toEqual([]);
    expect(await purchaseMonths(db().db, 1, range)).toEqual([]);
    await insertRollups(db());
    expect(await purchaseMonths(db().db, 1, range)).toEqual(['2026-03', '2026-04']);
    expect(await purchaseMonths(db().db, 1, {})).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(await purchaseMonths(db().db, 1, { fromMonth: '2025-11', toMonth: '2026-03' })).toEqual(['2026-02', '2026-03']);
    expect(await purchaseMonths(db().db, 1, { fromMonth: '2026-04' })).toEqual(['2026-04']);
  });

  it('sums the reasons per marketplace asked for, and of the SKUs asked for in their order', async () => {
    await insertRollups(db());
    const months = ['2026-03', '2026-04'];
    expect(await marketplaceReasonUnits(db().db, 1, range)).toEqual(new Map([
      ['DE', { size_fit: 5, damaged_in_transit: 25 }],
      ['US', { not_as_described: 15, defective_quality: 4, size_fit: 1, changed_mind: 20, other: 1 }],
    ]));
    expect((await marketplaceReasonUnits(db().db, 1, {})).get('US')).toMatchObject({ other: 100 });
    expect(await marketplaceReasonUnits(db().db, 1, { fromMonth: '2026-05' })).toEqual(new Map());
    const skus = [{ marketplaceCode: 'US', sku: 'LAMP' }, { marketplaceCode: 'DE', sku: 'CUP' }, { marketplaceCode: 'US', sku: 'NONE' }];
    expect(await skuReasonUnits(db().db, db().dialect, 1, months, skus)).toEqual([
      { not_as_described: 15, defective_quality: 4, size_fit: 1 }, { damaged_in_transit: 25 }, {},
    ]);
    expect(await skuReasonUnits(db().db, db().dialect, 1, ['2026-02', '2026-03'], skus.slice(0, 1))).toEqual([{ other: 99, not_as_described: 15 }]);
    expect(await skuReasonUnits(db().db, db().dialect, 1, [], skus.slice(0, 1))).toEqual([{}]);
    expect(await skuReasonUnits(db().db, db().dialect, 1, months, [])).toEqual([]);
  });

  it('gives the FBA units per month of the SKUs asked for, merchant-fulfilled units left out, months with units shipped first', async () => {
    await insertRollups(db());
    expect(await fbaMonthUnits(db().db, db().dialect, 1, range, ['LAMP', 'PEN'])).toEqual([
      { marketplaceCode: 'US', sku: 'LAMP', month: '2026-03', shipped: 60, returned: 15 },
      { marketplaceCode: 'US', sku: 'LAMP', month: '2026-04', shipped: 40, returned: 3 },
      { marketplaceCode: 'DE', sku: 'LAMP', month: '2026-03', shipped: 0, returned: 5 },
      { marketplaceCode: 'US', sku: 'PEN', month: '2026-04', shipped: 0, returned: 1 },
    ]);
    expect(await fbaMonthUnits(db().db, db().dialect, 1, range, ['MUG'])).toEqual([]);
    expect(await fbaMonthUnits(db().db, db().dialect, 1, range, [])).toEqual([]);
  });
});
