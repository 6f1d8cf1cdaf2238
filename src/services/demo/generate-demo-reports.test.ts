import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRun, findTable, findTables, runDemo } from './demo-test-support.js';
import { type DemoFile, writeDemoReports } from './generate-demo-reports.js';
import { productSheetColumns } from './render-product-sheet.js';
import {
  allOrdersHeader, fbaReturnsHeader, fbaReturnsHeaderWithoutStatus, mfnReturnsHeader, mfnReturnsHeaderWithOrderItemId,
  reimbursementsHeader, removalsHeader, settlementHeader,
} from './report-headers.js';

const endDate = new Date('2026-06-30T00:00:00Z');
let run: DemoRun;
let again: DemoRun;
let other: DemoRun;

beforeAll(async () => {
  [run, again, other] = await Promise.all([runDemo({ endDate, seed: 7 }), runDemo({ endDate, seed: 7 }), runDemo({ endDate, seed: 8 })]);
});
afterAll(async () => {
  await Promise.all([run, again, other].map((r) => r?.cleanup()));
});

// Reference §2, copied by hand so that a typo in report-headers.ts cannot hide itself.
const referenceFbaReturns = 'return-date	order-id	sku	asin	fnsku	product-name	quantity	fulfillment-center-id	detailed-disposition	reason	status	license-plate-number	customer-comments';
const referenceMfnReturns = 'Order ID	Order date	Return request date	Return request status	Amazon RMA ID	Merchant RMA ID	Label type	Label cost	Currency code	Return carrier	Tracking ID	Label to be paid by	A-to-Z Claim	Is prime	ASIN	Merchant SKU	Item Name	Return quantity	Return Reason	In policy	Return type	Resolution	Invoice number	Return delivery date	Order Amount	Order quantity	SafeT Action reason	SafeT claim id	SafeT claim state	SafeT claim creation time	SafeT claim reimbursement amount	Refunded Amount';
const referenceAllOrders = 'amazon-order-id	merchant-order-id	purchase-date	last-updated-date	order-status	fulfillment-channel	sales-channel	order-channel	ship-service-level	product-name	sku	asin	item-status	quantity	currency	item-price	item-tax	shipping-price	shipping-tax	gift-wrap-price	gift-wrap-tax	item-promotion-discount	ship-promotion-discount	ship-city	ship-state	ship-postal-code	ship-country	promotion-ids	cpf	is-business-order	purchase-order-number	price-designation';
const referenceReimbursements = 'approval-date	reimbursement-id	case-id	amazon-order-id	reason	sku	fnsku	asin	product-name	condition	currency-unit	amount-per-unit	amount-total	quantity-reimbursed-cash	quantity-reimbursed-inventory	quantity-reimbursed-total	original-reimbursement-id	original-reimbursement-type';
const referenceRemovals = 'request-date	order-id	order-type	service-speed	order-status	last-updated-date	sku	fnsku	disposition	requested-quantity	cancelled-quantity	disposed-quantity	shipped-quantity	in-process-quantity	removal-fee	currency';
const referenceSettlement = 'settlement-id	settlement-start-date	settlement-end-date	deposit-date	total-amount	currency	transaction-type	order-id	merchant-order-id	adjustment-id	shipment-id	marketplace-name	amount-type	amount-description	amount	fulfillment-id	posted-date	posted-date-time	order-item-code	merchant-order-item-id	merchant-adjustment-item-id	sku	quantity-purchased';

function expectedHeader(file: DemoFile): string {
  switch (file.reportType) {
    case 'fba-returns': return file.marketplace === 'UK' ? referenceFbaReturns.replace('\tstatus', '') : referenceFbaReturns;
    case 'mfn-returns': return file.marketplace === 'US' ? `${referenceMfnReturns}\tOrder Item ID` : referenceMfnReturns;
    case 'all-orders': return referenceAllOrders;
    case 'reimbursements': return referenceReimbursements;
    case 'removals': return referenceRemovals;
    case 'settlement': return referenceSettlement;
    case 'product-sheet': return 'sku,asin,fnsku,title,category,price,unit_cost,currency,weight_g,accessories';
  }
}

describe('writeDemoReports', () => {
  it('writes byte-identical files for the same seed and end date', async () => {
    expect(again.files.map((f) => basename(f.path))).toEqual(run.files.map((f) => basename(f.path)));
    for (const [i, file] of run.files.entries()) {
      const copy = again.files[i]!;
      expect(Buffer.compare(await readFile(file.path), await readFile(copy.path)), basename(file.path)).toBe(0);
    }
  });

  it('writes different data for a different seed', () => {
    const orders = (r: DemoRun): Buffer => findTable(r, 'all-orders', 'US').bytes;
    expect(Buffer.compare(orders(run), orders(other))).not.toBe(0);
  });

  it('starts every file with the exact header of reference §2', () => {
    for (const table of run.tables) {
      const delimiter = table.file.reportType === 'product-sheet' ? ',' : '\t';
      expect(table.header.join(delimiter), table.name).toBe(expectedHeader(table.file));
    }
  });

  it('keeps the header constants equal to the reference', () => {
    expect([fbaReturnsHeader, fbaReturnsHeaderWithoutStatus, mfnReturnsHeader, mfnReturnsHeaderWithOrderItemId].map((h) => h.length)).toEqual([13, 12, 32, 33]);
    expect([allOrdersHeader, reimbursementsHeader, removalsHeader, settlementHeader].map((h) => h.join('\t')))
      .toEqual([referenceAllOrders, referenceReimbursements, referenceRemovals, referenceSettlement]);
    expect(productSheetColumns.join(',')).toBe(expectedHeader({ reportType: 'product-sheet' } as DemoFile));
  });

  it('covers the reports and marketplaces the demo promises', () => {
    const names = new Set(run.files.map((f) => `${f.reportType}:${f.marketplace}`));
    for (const mp of ['US', 'UK', 'DE', 'JP']) {
      expect(names).toContain(`all-orders:${mp}`);
      expect(names).toContain(`fba-returns:${mp}`);
      expect(names).toContain(`reimbursements:${mp}`);
    }
    for (const expected of ['mfn-returns:US', 'mfn-returns:UK', 'settlement:US', 'settlement:DE', 'removals:US', 'product-sheet:US']) {
      expect(names).toContain(expected);
    }
    expect(findTables(run, 'settlement', 'US').length).toBeGreaterThanOrEqual(26);
  });

  it('reports the data rows of each file and stays within the demo budget', () => {
    for (const table of run.tables) expect(table.file.rows, table.name).toBe(table.rows.length);
    const total = run.files.reduce((sum, f) => sum + f.rows, 0);
    expect(total).toBeGreaterThan(12_000);
    expect(total).toBeLessThan(30_000);
    const orders = (mp: string): number => findTable(run, 'all-orders', mp).rows.length;
    expect(orders('US')).toBeGreaterThan(2_000);
    expect(orders('US')).toBeGreaterThan(2 * Math.max(orders('UK'), orders('DE'), orders('JP')));
    expect(findTable(run, 'product-sheet', 'US').rows).toHaveLength(50);
  });

  it('writes the JP files in Shift_JIS with Japanese names and comments', () => {
    const table = findTable(run, 'fba-returns', 'JP');
    expect(table.file.encoding).toBe('shift_jis');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(table.bytes)).toThrow();
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    expect(table.rows.every((row) => japanese.test(row['product-name']!))).toBe(true);
    expect(table.rows.some((row) => japanese.test(row['customer-comments']!))).toBe(true);
  });

  it('writes the DE files in windows-1252 with comma decimals', () => {
    const table = findTable(run, 'all-orders', 'DE');
    expect(table.file.encoding).toBe('windows-1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(table.bytes)).toThrow();
    expect(table.rows.some((row) => /[äöüß]/.test(row['product-name']!))).toBe(true);
    const shipped = table.rows.filter((row) => row['order-status'] === 'Shipped');
    expect(shipped.every((row) => /^\d+,\d{2}$/.test(row['item-price']!))).toBe(true);
    expect(findTables(run, 'settlement', 'DE')[0]!.rows.every((row) => /^-?\d+,\d{2}$/.test(row.amount || row['total-amount']!))).toBe(true);
  });

  it('writes Amazon formats: ISO dates with offset, DD-Mon-YYYY in MFN, single-space blanks', () => {
    expect(findTable(run, 'fba-returns', 'US').rows.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/.test(row['return-date']!))).toBe(true);
    expect(findTable(run, 'all-orders', 'JP').rows.every((row) => row['purchase-date']!.endsWith('+09:00'))).toBe(true);
    const mfn = findTable(run, 'mfn-returns', 'US');
    expect(mfn.rows.every((row) => /^\d\d-[A-Z][a-z]{2}-\d{4}$/.test(row['Return request date']!))).toBe(true);
    expect(mfn.rows.every((row) => Object.values(row).every((cell) => cell !== ''))).toBe(true);
    expect(mfn.rows.some((row) => row['Amazon RMA ID'] === ' ' && row.Resolution === 'ReturnlessRefund')).toBe(true);
    expect(findTable(run, 'mfn-returns', 'UK').bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(findTable(run, 'all-orders', 'UK').bytes.includes('\r\n')).toBe(true);
  });

  it('refuses an invalid end date with an invalid_input error', async () => {
    const dir = join(tmpdir(), 'returndesk-demo-never-written');
    await expect(writeDemoReports(dir, { endDate: new Date('not a date') })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
