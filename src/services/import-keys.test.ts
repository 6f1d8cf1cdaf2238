import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, mfnRow, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';
import { listReturns } from './list-returns.js';

const now = () => '2026-11-27T12:00:00.000Z';

describe.each(testDatabases)('natural keys that hold on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const cases = async () => (await listReturns(db(), { accountId: 1, limit: 50, offset: 0 })).items;

  it('keeps a returnless refund one row when the file is imported again under another marketplace', async () => {
    const path = writeReport(dir, 'returnless.txt', headers.mfnReturns, [mfnRow({ 'Amazon RMA ID': ' ', 'Refunded Amount': '39.99' })]);
    await importReportFile(db(), path, { now, marketplace: 'US' });
    const again = await importReportFile(db(), path, { now, marketplace: 'UK' });
    expect(again).toMatchObject({ inserted: 0 });
    expect((await cases()).map((c) => [c.status, c.quantity])).toEqual([['returnless_refunded', 1]]);
  });

  it('keeps two units without a license plate apart, and inserts nothing the second time', async () => {
    const path = writeReport(dir, 'no-lpn.txt', headers.fbaReturns, [
      fbaRow({ 'license-plate-number': '', 'detailed-disposition': 'SELLABLE' }),
      fbaRow({ 'license-plate-number': '', 'detailed-disposition': 'DEFECTIVE' }),
    ]);
    expect(await importReportFile(db(), path, { now })).toMatchObject({ inserted: 2 });
    expect(await importReportFile(db(), path, { now })).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect((await cases()).map((c) => c.quantity)).toEqual([2]);
  });

  it('gives each SKU of one return request its own row and case, stable over re-imports', async () => {
    const path = writeReport(dir, 'one-rma.txt', headers.mfnReturns, [
      mfnRow({ 'Merchant SKU': 'DRESS-S', 'Return quantity': '1' }),
      mfnRow({ 'Merchant SKU': 'BELT-M', 'Return quantity': '2' }),
    ]);
    expect(await importReportFile(db(), path, { now })).toMatchObject({ inserted: 2 });
    expect(await importReportFile(db(), path, { now })).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect((await cases()).map((c) => [c.sku, c.quantity]).sort()).toEqual([['BELT-M', 2], ['DRESS-S', 1]]);
  });

  it('sums two requests of one order line and keeps the sum when one request changes', async () => {
    await importReportFile(db(), writeReport(dir, 'two-a.txt', headers.mfnReturns, [
      mfnRow({ 'Amazon RMA ID': 'RMA-A', 'Refunded Amount': '10.00' }),
      mfnRow({ 'Amazon RMA ID': 'RMA-B', 'Refunded Amount': '5.00', 'Return request date': '12-Jul-2025' }),
    ]), { now });
    await importReportFile(db(), writeReport(dir, 'two-b.txt', headers.mfnReturns, [
      mfnRow({ 'Amazon RMA ID': 'RMA-B', 'Refunded Amount': '7.50', 'Return request date': '12-Jul-2025' }),
    ]), { now });
    const [only] = await cases();
    expect(only).toMatchObject({ quantity: 2, refundedMinor: 1750, requestedAt: '2025-07-10T07:00:00.000Z' });
  });
});
