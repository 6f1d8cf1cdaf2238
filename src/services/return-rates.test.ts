import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { fbaReturn, orderLine } from '../../test/prevention-fixtures.js';
import { importReportFile } from './import-reports.js';
import { accountReturnRates, rateTable } from './return-rates.js';

// Planted by construction: in March 2026, SKU LAMP shipped 100 units and 18 came back, 15 of them "not
// as described"; SKU MUG shipped 200 units and 4 came back for a changed mind. One cancelled LAMP line
// ships nothing. One MUG return is of an order the All Orders report does not hold.

const importedAt = () => '2026-06-01T00:00:00.000Z';

describe.each(testDatabases)('accountReturnRates on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const load = async (name: string, header: string, rows: string[][]) => {
    const result = await importReportFile(db(), writeReport(dir, name, header, rows), { marketplace: 'US', now: importedAt });
    expect(result.rejected).toBe(0);
  };

  it('finds the planted excess of "not as described" returns, with intervals, reasons and parties', async () => {
    const lamps = Array.from({ length: 50 }, (_, i) => orderLine(i + 1, 'LAMP', 2));
    const mugs = Array.from({ length: 100 }, (_, i) => orderLine(i + 101, 'MUG', 2));
    await load('orders.txt', headers.allOrders, [...lamps, ...mugs, orderLine(999, 'LAMP', 5, { status: 'Cancelled' })]);
    await load('returns.txt', headers.fbaReturns, [
      ...Array.from({ length: 15 }, (_, i) => fbaReturn(i + 1, 'LAMP', 'NOT_AS_DESCRIBED')),
      ...Array.from({ length: 3 }, (_, i) => fbaReturn(i + 20, 'LAMP', 'DEFECTIVE')),
      ...Array.from({ length: 4 }, (_, i) => fbaReturn(i + 101, 'MUG', 'UNWANTED_ITEM')),
      fbaReturn(5000, 'MUG', 'UNWANTED_ITEM'),
    ]);

    const rates = await accountReturnRates(db(), 1, { from: '2026-03', to: '2026-03' });
    expect(rates.rows.map((r) => [r.sku, r.month, r.returned, r.shipped])).toEqual([['LAMP', '2026-03', 18, 100], ['MUG', '2026-03', 4, 200]]);
    const lamp = rates.rows[0]!;
    expect(lamp.rate).toMatchObject({ rate: 0.18, smallSample: false });
    expect(lamp.rate!.low).toBeCloseTo(0.1169, 3);
    expect(lamp.rate!.high).toBeCloseTo(0.2668, 3);
    expect(lamp.byReason).toEqual({ not_as_described: 15, defective_quality: 3 });
    expect(lamp.byFault).toEqual({ seller: 18 });
    expect(lamp.asins).toEqual(['B0LAMP']);
    expect(rates.withoutOrderLine).toEqual([{ marketplaceCode: 'US', sku: 'MUG', units: 1 }]);

    const table = rateTable(rates);
    expect(table[0]).toEqual(['marketplace', 'sku', 'asins', 'month', 'shipped', 'returned', 'rate_pct', 'low_pct', 'high_pct', 'small_sample', 'provisional', 'problem',
      'reason:changed_mind', 'reason:defective_quality', 'reason:not_as_described', 'fault:buyer', 'fault:seller']);
    expect(table[1]).toEqual(['US', 'LAMP', 'B0LAMP', '2026-03', '100', '18', '18.00', '11.70', '26.67', 'no', 'yes', '', '0', '3', '15', '0', '18']);
  });

  it('counts a return in the marketplace its order was sold in, whatever marketplace its report was imported for', async () => {
    // A unified EU account: one All Orders file with an Amazon.fr line, the FBA returns imported as DE.
    const frenchLine = rowOf(headers.allOrders, {
      'amazon-order-id': '402-0000001-0000001', 'purchase-date': '2026-03-10T10:00:00+00:00', 'order-status': 'Shipped - Delivered to Buyer',
      'fulfillment-channel': 'Amazon', 'sales-channel': 'Amazon.fr', sku: 'LAMP', asin: 'B0LAMP', quantity: '3', currency: 'EUR', 'item-price': '60,00',
    });
    const importAs = async (name: string, header: string, rows: string[][]) => {
      const result = await importReportFile(db(), writeReport(dir, name, header, rows), { marketplace: 'DE', now: importedAt });
      expect(result.rejected).toBe(0);
    };
    await importAs('orders-eu.txt', headers.allOrders, [frenchLine]);
    await importAs('returns-eu.txt', headers.fbaReturns, [rowOf(headers.fbaReturns, {
      'return-date': '2026-03-25T15:31:40+00:00', 'order-id': '402-0000001-0000001', sku: 'LAMP', asin: 'B0LAMP', fnsku: 'X0LAMP', quantity: '1',
      'detailed-disposition': 'SELLABLE', reason: 'NOT_AS_DESCRIBED', status: 'Unit returned to inventory', 'license-plate-number': 'LPN000000777',
    })]);
    const rates = await accountReturnRates(db(), 1);
    expect(rates.rows.map((r) => [r.marketplaceCode, r.sku, r.returned, r.shipped])).toEqual([['FR', 'LAMP', 1, 3]]);
    expect(rates.withoutOrderLine).toEqual([]);
  });

  it('gives rates per product category from the product sheet, and per marketplace', async () => {
    await load('orders.txt', headers.allOrders, [orderLine(1, 'LAMP', 40), orderLine(2, 'SHADE', 60), orderLine(3, 'MUG', 100)]);
    await load('returns.txt', headers.fbaReturns, [fbaReturn(1, 'LAMP', 'DEFECTIVE'), fbaReturn(2, 'SHADE', 'DEFECTIVE'), fbaReturn(3, 'MUG', 'UNWANTED_ITEM')]);
    const sheet = join(dir, 'products.csv');
    writeFileSync(sheet, 'sku,title,category\nLAMP,Desk lamp,Lighting\nSHADE,Lamp shade,Lighting\n');
    await importReportFile(db(), sheet, { now: importedAt });
    const byCategory = await accountReturnRates(db(), 1, { by: 'category' });
    expect(byCategory.rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([['Lighting', 2, 100], ['(no category)', 1, 100]]);
    expect(rateTable(byCategory)[0]!.slice(0, 3)).toEqual(['marketplace', 'category', 'asins']);
    expect((await accountReturnRates(db(), 1, { by: 'marketplace' })).rows.map((r) => [r.sku, r.returned, r.shipped])).toEqual([['(all SKUs)', 3, 200]]);
    await expect(accountReturnRates(db(), 1, { by: 'brand' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--by must be one of sku, asin, category, marketplace') });
  });

  it('leaves months outside the range out, and refuses a month that is not one', async () => {
    await load('orders.txt', headers.allOrders, [orderLine(1, 'LAMP', 2)]);
    expect((await accountReturnRates(db(), 1, { from: '2026-04' })).rows).toEqual([]);
    expect((await accountReturnRates(db(), 1, { to: '2026-03' })).rows).toHaveLength(1);
    await expect(accountReturnRates(db(), 1, { from: '2026-13' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--from must be a month as YYYY-MM') });
    await expect(accountReturnRates(db(), 1, { from: '2026-05', to: '2026-04' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
