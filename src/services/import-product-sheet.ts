import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import type { Marketplace } from '../domain/marketplaces.js';
import { readProductSheet } from '../importers/product-sheet.js';
import { resemblesAmazonReport } from '../importers/detect.js';
import { indexHeader } from '../importers/header.js';
import type { Database } from '../storage/database.js';
import { createImportRun, finishImportRun } from '../storage/import-run-repository.js';
import { upsertProducts } from '../storage/product-repository.js';
import type { FileImportResult, ImportFileOptions } from './import-reports.js';
import { emptyResult, keepErrors, recordImportRun } from './import-reports.js';
import { defaultAccountId } from './accounts.js';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/**
 * A product sheet is an XLSX workbook, or text whose header (its first non-blank line) names a SKU
 * column. A tab-delimited header that resembles an Amazon report is that report, not a sheet.
 */
export async function isProductSheet(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    const head = buffer.subarray(0, bytesRead);
    if (zipMagic.every((byte, i) => head[i] === byte)) return true;
    const header = head.toString('latin1').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    if (!/sku/i.test(header)) return false;
    return !header.includes('\t') || !resemblesAmazonReport(indexHeader(header.split('\t')));
  } finally {
    await handle.close();
  }
}

/** Imports the seller's product sheet into products, in one transaction. */
export async function importProductSheet(database: Database, path: string, options: Omit<ImportFileOptions, 'marketplace'> & { marketplace: Marketplace }): Promise<FileImportResult> {
  const bytes = await readFile(path);
  // The name people see (an upload's own name; the path of an upload is only a scratch file's).
  const fileName = options.fileName ?? basename(path);
  const sheet = await readProductSheet(bytes, fileName, { currency: options.marketplace.currency, decimalSeparator: options.marketplace.decimalSeparator });
  const now = options.now ?? (() => new Date().toISOString());
  return database.transaction(async (tx) => {
    const accountId = options.accountId ?? defaultAccountId;
    const startedAt = now();
    const encoding = sheet.format === 'xlsx' ? 'xlsx' : 'text';
    const importRunId = await createImportRun(tx, { accountId, fileName, reportType: 'product-sheet', encoding, marketplaceCode: options.marketplace.code, startedAt });
    const result = emptyResult(path, 'product-sheet', encoding, options.marketplace.code, importRunId);
    Object.assign(result, await upsertProducts(tx, accountId, importRunId, sheet.records, sheet.fields, startedAt));
    result.rows = sheet.rows;
    result.rejected = new Set(sheet.errors.map((e) => e.line)).size;
    keepErrors(result, sheet.errors, options.maxErrors ?? 10_000);
    result.sha256 = createHash('sha256').update(bytes).digest('hex');
    const finishedAt = now();
    await finishImportRun(tx, importRunId, { ...result, finishedAt });
    await recordImportRun(tx, accountId, fileName, result, finishedAt, options.actor);
    return result;
  });
}
