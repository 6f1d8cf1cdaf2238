import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../storage/database.js';
import { importReportFile } from './import-reports.js';

// Orders, money and removal reports (the return reports' variants are in import-variants.test.ts).

const fixedNow = () => '2026-11-27T12:00:00.000Z';

type Row = Record<string, string | number | null>;
type ReportTableName = 'orders' | 'reimbursements' | 'removals' | 'settlement_refunds' | 'return_cases';

async function storedRows(database: Database, table: ReportTableName): Promise<Row[]> {
  return database.db.withTables<Record<ReportTableName, Row>>().selectFrom(table).selectAll().orderBy('id').execute() as Promise<Row[]>;
}

/** A row of `header` from cells named as in the header; unnamed cells are blank. */
function rowOf(header: string, cells: Record<string, string>): string[] {
  return header.split('\t').map((name) => cells[name] ?? '');
}

const orderRow = (cells: Record<string, string>) => rowOf(headers.allOrders, {
  'amazon-order-id': '302-1000000-0000001', 'purchase-date': '2025-06-01T10:00:00+00:00', 'order-status': 'Shipped',
  'fulfillment-channel': 'Amazon', 'sales-channel': 'Amazon.de', sku: 'TSHIRT-M', asin: 'B0TEST0001', quantity: '1',
  currency: 'EUR', 'item-price': '12,50', 'item-tax': '2,38', 'shipping-price': '0,00', 'ship-country': 'DE', 'is-business-order': 'false', ...cells,
});

const reimbursementRow = (cells: Record<string, string>) => rowOf(headers.reimbursements, {
  'approval-date': '2025-06-10T08:00:00+00:00', 'reimbursement-id': '4400000001', 'amazon-order-id': '302-1000000-0000001',
  reason: 'CustomerReturn', sku: 'TSHIRT-M', fnsku: 'X00TEST001', asin: 'B0TEST0001', 'product-name': 'T-Shirt Größe M',
  condition: 'Damaged_Warehouse', 'currency-unit': 'EUR', 'amount-per-unit': '12,50', 'amount-total': '12,50',
  'quantity-reimbursed-cash': '1', 'quantity-reimbursed-inventory': '0', 'quantity-reimbursed-total': '1', ...cells,
});

const settlementRow = (cells: Record<string, string>) => rowOf(headers.settlement, { 'settlement-id': '11887766554', ...cells });
const refund = (cells: Record<string, string>) => settlementRow({
  'transaction-type': 'Refund', 'order-id': '302-1000000-0000001', 'adjustment-id': 'amzn1:crow:ADJ1', 'marketplace-name': 'Amazon.de',
  'amount-type': 'ItemPrice', 'posted-date': '05.06.2025', 'posted-date-time': '05.06.2025 10:11:12 UTC', 'order-item-code': '64912345678901',
  sku: 'TSHIRT-M', 'quantity-purchased': '1', ...cells,
});

describe.each(testDatabases)('importing orders, reimbursements, removals and settlements on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('imports All Orders: marketplace from the sales channel, comma decimals, cancelled rows without currency', async () => {
    const path = writeReport(dir, 'orders.txt', headers.allOrders, [
      orderRow({}),
      orderRow({ 'amazon-order-id': '302-1000000-0000002', 'order-status': 'Cancelled', 'item-status': 'Cancelled', quantity: '0', currency: '', 'item-price': '', 'item-tax': '', 'shipping-price': '' }),
      orderRow({ 'amazon-order-id': '111-1000000-0000003', 'sales-channel': 'Non-Amazon', currency: 'USD', 'item-price': '8.99', 'item-tax': '' }),
    ]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'all-orders', rows: 3, inserted: 3, rejected: 0, errors: [] });
    const orders = await storedRows(db(), 'orders');
    expect(orders.map((o) => [o.amazon_order_id, o.marketplace_code, o.order_status, o.quantity, o.currency, o.item_price_minor, o.item_tax_minor, o.shipping_price_minor])).toEqual([
      ['302-1000000-0000001', 'DE', 'Shipped', 1, 'EUR', 1250, 238, 0],
      ['302-1000000-0000002', 'DE', 'Cancelled', 0, null, null, null, null],
      ['111-1000000-0000003', 'US', 'Shipped', 1, 'USD', 899, null, 0],
    ]);
    expect(orders[0]).toMatchObject({ purchase_date: '2025-06-01T10:00:00.000Z', is_business_order: 0, ship_country: 'DE' });
    expect(await storedRows(db(), 'return_cases')).toEqual([]);
  });

  it('imports windows-1252 reimbursements with comma decimals and a negative reversal row', async () => {
    const path = writeReport(dir, 'reimbursements.txt', headers.reimbursements, [
      reimbursementRow({}),
      reimbursementRow({
        'approval-date': '2025-06-20T08:00:00+00:00', 'reimbursement-id': '4400000002', reason: 'Reimbursement_Reversal',
        'amount-per-unit': '-12,50', 'amount-total': '-12,50', 'quantity-reimbursed-cash': '-1', 'quantity-reimbursed-total': '-1',
        'original-reimbursement-id': '4400000001', 'original-reimbursement-type': 'CustomerReturn',
      }),
    ], { encoding: 'windows-1252' });
    const result = await importReportFile(db(), path, { now: fixedNow, marketplace: 'DE' });
    expect(result).toMatchObject({ reportType: 'reimbursements', encoding: 'windows-1252', rows: 2, inserted: 2, rejected: 0 });
    const rows = await storedRows(db(), 'reimbursements');
    expect(rows.map((r) => [r.reimbursement_id, r.product_name, r.currency, r.amount_per_unit_minor, r.amount_total_minor, r.quantity_reimbursed_cash, r.quantity_reimbursed_total, r.original_reimbursement_id])).toEqual([
      ['4400000001', 'T-Shirt Größe M', 'EUR', 1250, 1250, 1, 1, null],
      ['4400000002', 'T-Shirt Größe M', 'EUR', -1250, -1250, -1, -1, '4400000001'],
    ]);
    const [run] = await db().db.selectFrom('import_runs').selectAll().execute();
    expect(run).toMatchObject({ encoding: 'windows-1252', marketplace_code: 'DE' });
  });

  it('imports the FBA removal order detail report', async () => {
    const path = writeReport(dir, 'removals.txt', headers.removals, [[
      '2025-06-01T09:00:00+00:00', 'RMV-0001', 'Return', 'Standard', 'Completed', '2025-06-09T12:00:00+00:00', 'TSHIRT-M', 'X00TEST001',
      'Unsellable', '3', '0', ' ', '3', '0', '1.50', 'USD',
    ], [
      '2025-06-02T09:00:00+00:00', 'RMV-0002', 'Disposal', 'Standard', 'Pending', '', 'MUG-01', 'X00TEST002', 'Sellable', '2', '', '', '', '2', '', '',
    ]]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'removals', rows: 2, inserted: 2, rejected: 0 });
    const rows = await storedRows(db(), 'removals');
    expect(rows.map((r) => [r.order_id, r.order_type, r.disposition, r.requested_quantity, r.disposed_quantity, r.shipped_quantity, r.in_process_quantity, r.removal_fee_minor, r.currency])).toEqual([
      ['RMV-0001', 'Return', 'Unsellable', 3, 0, 3, 0, 150, 'USD'],
      ['RMV-0002', 'Disposal', 'Sellable', 2, 0, 0, 2, null, null],
    ]);
    expect(rows[0]).toMatchObject({ request_date: '2025-06-01T09:00:00.000Z', last_updated_date: '2025-06-09T12:00:00.000Z', line: 2 });
  });

  it('refuses the removal shipment detail report, naming the order detail report to fetch instead', async () => {
    const header = 'request-date\torder-id\tshipment-date\tsku\tfnsku\tdisposition\tshipped-quantity\tcarrier\ttracking-number\tremoval-order-type';
    const path = writeReport(dir, 'shipments.txt', header, [['2025-06-01T09:00:00+00:00', 'RMV-0001', '2025-06-03T09:00:00+00:00', 'TSHIRT-M', 'X00TEST001', 'Unsellable', '3', 'UPS', '1Z999', 'Return']]);
    await expect(importReportFile(db(), path, { now: fixedNow })).rejects.toMatchObject({
      code: 'unreadable_file', message: expect.stringMatching(/shipment\* detail.*removal \*order\* detail report \(GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA\)/),
    });
    expect(await db().db.selectFrom('import_runs').selectAll().execute()).toEqual([]);
    expect(await storedRows(db(), 'removals')).toEqual([]);
  });

  it('imports the settlement\'s Refund rows, with the summary row\'s currency, and skips the rest', async () => {
    const path = writeReport(dir, 'settlement.txt', headers.settlement, [
      settlementRow({ 'settlement-start-date': '01.06.2025 00:00:00 UTC', 'settlement-end-date': '15.06.2025 00:00:00 UTC', 'deposit-date': '17.06.2025 00:00:00 UTC', 'total-amount': '1234,56', currency: 'EUR' }),
      settlementRow({ 'transaction-type': 'Order', 'order-id': '302-1000000-0000009', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '19,99', 'posted-date': '02.06.2025' }),
      refund({ 'amount-description': 'Principal', amount: '-12,50' }),
      refund({ 'amount-description': 'Tax', amount: '-2,38' }),
      refund({ 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '1,88', currency: '' }),
    ]);
    // The file's marketplace defaults to US (USD): EUR can only come from the summary row.
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'settlement', rows: 5, skipped: 2, inserted: 3, rejected: 0, errors: [] });
    const rows = await storedRows(db(), 'settlement_refunds');
    expect(rows.map((r) => [r.line, r.adjustment_id, r.amount_type, r.amount_description, r.amount_minor, r.currency, r.posted_date])).toEqual([
      [4, 'amzn1:crow:ADJ1', 'ItemPrice', 'Principal', -1250, 'EUR', '2025-06-05T10:11:12.000Z'],
      [5, 'amzn1:crow:ADJ1', 'ItemPrice', 'Tax', -238, 'EUR', '2025-06-05T10:11:12.000Z'],
      [6, 'amzn1:crow:ADJ1', 'ItemFees', 'Commission', 188, 'EUR', '2025-06-05T10:11:12.000Z'],
    ]);
    expect(rows[0]).toMatchObject({ settlement_id: '11887766554', order_id: '302-1000000-0000001', order_item_code: '64912345678901', sku: 'TSHIRT-M' });

    const again = await importReportFile(db(), path, { now: fixedNow });
    expect(again).toMatchObject({ rows: 5, skipped: 2, inserted: 0, updated: 0, unchanged: 3 });
    expect(await storedRows(db(), 'settlement_refunds')).toHaveLength(3);
  });
});
