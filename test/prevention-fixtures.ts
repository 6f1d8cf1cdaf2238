import { expect } from 'vitest';
import { importReportFile } from '../src/services/import-reports.js';
import type { Database } from '../src/storage/database.js';
import { headers, rowOf, writeReport } from './report-files.js';

// Order lines and returns for prevention tests (rates, spikes, fixes, causes): one order per line,
// numbered, so a return names its order by number.

export const orderId = (n: number) => `111-${String(n).padStart(7, '0')}-0000001`;

export interface LineOptions { purchased?: string; status?: string; channel?: string; currency?: string }

export const orderLine = (n: number, sku: string, quantity: number, options: LineOptions = {}) => rowOf(headers.allOrders, {
  'amazon-order-id': orderId(n), 'purchase-date': options.purchased ?? '2026-03-10T10:00:00+00:00', 'order-status': options.status ?? 'Shipped',
  'fulfillment-channel': 'Amazon', 'sales-channel': options.channel ?? 'Amazon.com', sku, asin: `B0${sku}`, quantity: String(quantity),
  currency: options.currency ?? 'USD', 'item-price': '20.00', 'item-status': options.status ?? 'Shipped',
});

export interface ReturnOptions { returned?: string; comment?: string; quantity?: number }

export const fbaReturn = (n: number, sku: string, reason: string, options: ReturnOptions = {}) => rowOf(headers.fbaReturns, {
  'return-date': options.returned ?? '2026-03-25T15:31:40+00:00', 'order-id': orderId(n), sku, asin: `B0${sku}`, fnsku: `X0${sku}`,
  quantity: String(options.quantity ?? 1), 'detailed-disposition': 'CUSTOMER_DAMAGED', reason, status: 'Unit returned to inventory',
  'license-plate-number': `LPN${String(n).padStart(9, '0')}`, 'customer-comments': options.comment ?? '',
});

/** Imports a report written to `dir`, and checks no row was rejected. */
export async function importRows(database: Database, dir: string, name: string, header: string, rows: string[][], marketplace = 'US'): Promise<void> {
  const result = await importReportFile(database, writeReport(dir, name, header, rows), { marketplace, now: () => '2026-06-01T00:00:00.000Z' });
  expect(result.errors).toEqual([]);
}

/** `YYYY-MM-DD` plus `days` days, as an All Orders / returns timestamp at 10:00 UTC. */
export function dayPlus(day: string, days: number): string {
  const ms = Date.parse(`${day}T10:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().replace('.000Z', '+00:00');
}
