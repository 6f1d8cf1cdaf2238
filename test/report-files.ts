import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

/** Report headers exactly as Amazon documents them (reference §2). */
export const headers = {
  fbaReturns: 'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments',
  mfnReturns: 'Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount',
  allOrders: 'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tcpf\tis-business-order\tpurchase-order-number\tprice-designation',
  reimbursements: 'approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type',
  removals: 'request-date\torder-id\torder-type\tservice-speed\torder-status\tlast-updated-date\tsku\tfnsku\tdisposition\trequested-quantity\tcancelled-quantity\tdisposed-quantity\tshipped-quantity\tin-process-quantity\tremoval-fee\tcurrency',
  settlement: 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased',
} as const;

export interface WriteOptions {
  encoding?: 'utf-8' | 'windows-1252' | 'shift_jis';
  bom?: boolean;
  crlf?: boolean;
}

/** A scratch folder for one test's files. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'returndesk-files-'));
}

/** Writes a report: `rows` are arrays of cells (joined with tabs) or ready lines. */
export function writeReport(dir: string, name: string, header: string, rows: Array<string | readonly string[]>, options: WriteOptions = {}): string {
  const eol = options.crlf ? '\r\n' : '\n';
  const text = [header, ...rows.map((r) => (typeof r === 'string' ? r : r.join('\t')))].join(eol) + eol;
  const body = options.encoding && options.encoding !== 'utf-8'
    ? iconv.encode(text, options.encoding === 'shift_jis' ? 'cp932' : 'win1252')
    : Buffer.from(text, 'utf8');
  const path = join(dir, name);
  writeFileSync(path, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return path;
}

/** One FBA customer-returns row with sensible defaults; override cells by column name. */
export function fbaRow(overrides: Partial<Record<string, string>> = {}): string[] {
  const cells: Record<string, string> = {
    'return-date': '2025-06-05T15:31:40+00:00', 'order-id': '112-0000001-0000001', sku: 'TSHIRT-M', asin: 'B0TEST0001',
    fnsku: 'X00TEST001', 'product-name': 'Cotton T-shirt, M', quantity: '1', 'fulfillment-center-id': 'PHX7',
    'detailed-disposition': 'SELLABLE', reason: 'APPAREL_TOO_SMALL', status: 'Unit returned to inventory',
    'license-plate-number': 'LPNRR000000001', 'customer-comments': '', ...overrides,
  };
  return headers.fbaReturns.split('\t').map((c) => cells[c] ?? '');
}

/** Builds a row of `header` from cells named as in the header; unnamed cells get `blank`. */
export function rowOf(header: string, cells: Record<string, string>, blank = ''): string[] {
  return header.split('\t').map((name) => cells[name] ?? blank);
}

const mfnSample: Record<string, string> = {
  'Order ID': '113-7777777-0000001', 'Order date': '08-Jul-2025', 'Return request date': '10-Jul-2025',
  'Return request status': 'Approved', 'Amazon RMA ID': 'D7ZwRMA01', 'Label type': 'AmazonPrePaidLabel', 'Label cost': '4.14',
  'Currency code': 'USD', 'Return carrier': 'USPS', 'Tracking ID': '9202090153540500000001', 'Label to be paid by': 'Seller',
  'A-to-Z Claim': 'N', 'Is prime': 'N', ASIN: 'B0MFN00001', 'Merchant SKU': 'DRESS-S', 'Item Name': 'Summer dress, S',
  'Return quantity': '1', 'Return Reason': 'AMZ-PG-BAD-DESC', 'In policy': 'Y', 'Return type': 'C-Returns',
  Resolution: 'StandardRefund', 'Order Amount': '39.99', 'Order quantity': '1',
};
/** An MFN returns row as Amazon writes it: blank cells hold a single space. */
export const mfnRow = (overrides: Record<string, string> = {}) => rowOf(headers.mfnReturns, { ...mfnSample, ...overrides }, ' ');
