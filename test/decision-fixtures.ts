import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fbaRow, headers, mfnRow, writeReport } from './report-files.js';
import type { Database } from '../src/storage/database.js';
import { DomainError } from '../src/domain/errors.js';
import { importReportFile } from '../src/services/import-reports.js';

// Shared fixtures for the decision tests (decide, record, queue, backtest): MFN return requests as
// Amazon's report writes them, imported through the real importers, at fixed instants.

/** When the imports ran; never the real clock. */
export const importedAt = () => '2026-03-01T00:00:00.000Z';

export interface RequestRow {
  readonly orderId: string;
  readonly sku?: string;
  /** The return request instant, ISO-8601 with a zone. */
  readonly requestedAt?: string;
  /** Amazon's reason code (default AMZ-PG-BAD-DESC: not as described, seller fault). */
  readonly reason?: string;
  /** The order amount as the report writes it (`39.99`, or `39,99` in the EU); '' for none. */
  readonly orderAmount?: string;
  readonly orderQuantity?: string;
  readonly returnQuantity?: string;
  readonly currency?: string;
  readonly inPolicy?: 'Y' | 'N';
  /** A return delivery date makes the case `received`. */
  readonly deliveredAt?: string;
  /** The request status cell (default Pending: an open request). */
  readonly status?: string;
}

/**
 * One MFN returns row for an open request (status requested: no tracking, no delivery, no refund).
 * Each row gets its own RMA id from the order id, so rows never share a natural key.
 */
export function requestRow(row: RequestRow): string[] {
  return mfnRow({
    'Order ID': row.orderId, 'Order date': '2026-02-20', 'Return request date': row.requestedAt ?? '2026-03-02T10:00:00+00:00',
    'Return request status': row.status ?? 'Pending', 'Amazon RMA ID': `RMA-${row.orderId}`, 'Tracking ID': '', 'Label type': '', 'Label cost': '',
    'Merchant SKU': row.sku ?? 'DRESS-S', 'Return Reason': row.reason ?? 'AMZ-PG-BAD-DESC', 'In policy': row.inPolicy ?? 'Y',
    'Order Amount': row.orderAmount ?? '39.99', 'Order quantity': row.orderQuantity ?? '1', 'Return quantity': row.returnQuantity ?? '1',
    'Currency code': row.currency ?? 'USD', 'Return delivery date': row.deliveredAt ?? '',
  });
}

/** Imports MFN return rows for `marketplace` (default US); fails the test on a rejected row. */
export async function importRequests(database: Database, dir: string, rows: readonly RequestRow[], marketplace = 'US', name = `mfn-${marketplace}.txt`): Promise<void> {
  const path = writeReport(dir, name, headers.mfnReturns, rows.map(requestRow));
  const result = await importReportFile(database, path, { marketplace, now: importedAt });
  if (result.rejected > 0 || result.inserted !== rows.length) {
    throw new Error(`The MFN fixture did not import cleanly: ${JSON.stringify(result.errors)}`);
  }
}

/** Imports one FBA customer-returns row (a case Amazon handles). */
export async function importFbaReturn(database: Database, dir: string, orderId: string): Promise<void> {
  const path = writeReport(dir, `fba-${orderId}.txt`, headers.fbaReturns, [fbaRow({ 'order-id': orderId, 'license-plate-number': `LPN-${orderId}` })]);
  await importReportFile(database, path, { marketplace: 'US', now: importedAt });
}

/** Imports a product sheet (CSV text with a header) for `marketplace` through the product-sheet importer. */
export async function importProductCsv(database: Database, dir: string, csv: string, marketplace = 'US', name = `products-${marketplace}.csv`): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, csv);
  const result = await importReportFile(database, path, { marketplace, now: importedAt });
  if (result.reportType !== 'product-sheet' || result.rejected > 0) {
    throw new Error(`The product sheet fixture did not import cleanly: ${JSON.stringify(result)}`);
  }
}

/** The id of the case of `orderId` (its only SKU). */
export async function caseIdOf(database: Database, orderId: string): Promise<number> {
  const row = await database.db.selectFrom('return_cases').select('id').where('order_id', '=', orderId).executeTakeFirstOrThrow();
  return row.id;
}

/** How many outcomes are recorded, over every case. */
export async function countOutcomeRows(database: Database): Promise<number> {
  const row = await database.db.selectFrom('case_outcomes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The DomainError that `promise` rejects with; fails the test when it resolves or rejects with something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
