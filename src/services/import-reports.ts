import { basename } from 'node:path';
import { classifyReason } from '../domain/reasons.js';
import { findMarketplace, requireMarketplace } from '../domain/marketplaces.js';
import type { Marketplace } from '../domain/marketplaces.js';
import type { FbaReturnRecord, MfnReturnRecord, OrderLineRecord, ReportType } from '../domain/report-records.js';
import { isNotUtf8Error, normalizeEncodingName } from '../importers/decode.js';
import type { Encoding } from '../importers/decode.js';
import { detectEncodingNear, openReport } from '../importers/read-report.js';
import type { OpenedReport } from '../importers/read-report.js';
import type { RowError } from '../importers/row-error.js';
import type { Database, Transaction } from '../storage/database.js';
import { createImportRun, finishImportRun } from '../storage/import-run-repository.js';
import type { ImportCounts } from '../storage/import-run-repository.js';
import { reportTableFor } from '../storage/report-tables.js';
import { hasRowsOfAccount } from '../storage/report-row-repository.js';
import { SeenKeys } from './seen-keys.js';
import { mergeReportBatch } from './merge-report-batch.js';
import type { MergeContext } from './merge-report-batch.js';
import { importProductSheet, isProductSheet } from './import-product-sheet.js';
import { defaultAccountId } from './accounts.js';
import { refreshPreventionRollups, RollupScope } from './prevention-rollups.js';
import { accountChain, recordChange } from './audit.js';

export interface ImportFileOptions {
  accountId?: number;
  type?: ReportType;
  encoding?: string;
  /** The file's marketplace (code, Amazon id or sales channel); else `defaultMarketplace`. */
  marketplace?: string;
  defaultMarketplace?: string;
  now?: () => string;
  onProgress?: (progress: { bytesRead: number; size: number; rows: number }) => void;
  /** Rejected-row messages kept in the result and the import run (the count stays exact). */
  maxErrors?: number;
  /** Rows read and written together (default 2000: bounded memory, few round trips). */
  batchSize?: number;
  /** The name the import history shows (default the file's base name; an upload's temporary file has none worth showing). */
  fileName?: string;
  /** Who the audit log names: 'user:<id>', 'token:<id>', 'cli:<os user>' (default 'cli'). */
  actor?: string;
}

/** What happened to one file: the `--json` shape of `returndesk import`. */
export interface FileImportResult extends ImportCounts {
  file: string;
  reportType: ReportType;
  encoding: string;
  marketplace: string;
  unmappedCodes: string[];
  errors: RowError[];
  errorsTruncated: boolean;
  importRunId: number;
  sha256: string;
}

/**
 * Imports one report file (or product sheet) in one transaction: either every valid row lands, with
 * its bad rows reported, or — on an unreadable file or a crash — nothing is written at all.
 */
export async function importReportFile(database: Database, path: string, options: ImportFileOptions = {}): Promise<FileImportResult> {
  const marketplace = requireMarketplace(options.marketplace ?? options.defaultMarketplace ?? 'US');
  if (options.type === 'product-sheet' || (!options.type && (await isProductSheet(path)))) {
    return importProductSheet(database, path, { ...options, marketplace });
  }
  const forced = options.encoding ? normalizeEncodingName(options.encoding) : undefined;
  try {
    return await importReportAs(database, path, marketplace, forced, options);
  } catch (error) {
    // The encoding is guessed from the first 1 MiB only: a windows-1252 or Shift_JIS file whose first
    // MiB is plain ASCII reads as UTF-8 up to its first accented letter or kana. The transaction rolled
    // back, so nothing is written yet: guess again from the bytes there and read the file once more.
    if (forced || !isNotUtf8Error(error)) throw error;
    const encoding = await detectEncodingNear(path, error.details.offset).catch(() => undefined);
    if (!encoding || encoding === 'utf-8') throw error;
    return importReportAs(database, path, marketplace, encoding, options);
  }
}

/** Imports a report file in one transaction, in `encoding` or else the one its first chunk suggests. */
async function importReportAs(database: Database, path: string, marketplace: Marketplace, encoding: Encoding | undefined, options: ImportFileOptions): Promise<FileImportResult> {
  const report = await openReport(path, {
    type: options.type,
    encoding,
    batchSize: options.batchSize,
    settings: { timeZone: marketplace.timeZone, dayFirst: marketplace.dayFirst, decimalSeparator: marketplace.decimalSeparator, defaultCurrency: marketplace.currency },
  });
  const now = options.now ?? (() => new Date().toISOString());
  try {
    return await database.transaction((tx) => importOpenedReport(tx, report, path, marketplace, { ...options, now }));
  } finally {
    report.close();
  }
}

async function importOpenedReport(tx: Transaction, report: OpenedReport, path: string, marketplace: Marketplace, options: ImportFileOptions & { now: () => string }): Promise<FileImportResult> {
  const accountId = options.accountId ?? defaultAccountId;
  const reportType = report.spec.type;
  const startedAt = options.now();
  const fileName = options.fileName ?? basename(path);
  const importRunId = await createImportRun(tx, { accountId, fileName, reportType, encoding: report.encoding, marketplaceCode: marketplace.code, startedAt });
  const result = emptyResult(path, reportType, report.encoding, marketplace.code, importRunId);
  const table = reportTableFor(reportType);
  const context: MergeContext = {
    tx, accountId, importRunId, marketplaceCode: marketplace.code, reportType, spec: report.spec, table, now: startedAt,
    marketplaceOf: reportType === 'all-orders' ? orderMarketplace : undefined,
    seenRows: new SeenKeys(!(await hasRowsOfAccount(tx, table.name, accountId))),
    seenCases: new SeenKeys(table.hasCase && !(await hasRowsOfAccount(tx, 'return_cases', accountId))),
    appliedCases: new Set(),
  };
  const maxErrors = options.maxErrors ?? 10_000;
  const unmappedCodes = new Set<string>();
  const rollupScope = await RollupScope.open(tx, accountId);
  // Rows already stored may move to another month when re-imported (rollups of both months change).
  const rowsStored = context.seenRows.startedWithRows;
  for await (const batch of report.batches()) {
    if (rowsStored) await rollupScope.addStoredMonths(tx, accountId, reportType, batch.records);
    const counts = await mergeReportBatch(context, batch.records);
    await rollupScope.add(tx, accountId, reportType, batch.records);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.rows += batch.rows;
    result.rejected += batch.rejected;
    result.skipped += batch.skipped;
    result.unmapped += countUnmapped(reportType, batch.records, unmappedCodes);
    keepErrors(result, batch.errors, maxErrors);
    options.onProgress?.({ bytesRead: batch.bytesRead, size: report.size, rows: result.rows });
  }
  result.sha256 = report.sha256();
  result.unmappedCodes = [...unmappedCodes].sort();
  await refreshPreventionRollups(tx, accountId, rollupScope, startedAt);
  const finishedAt = options.now();
  await finishImportRun(tx, importRunId, { ...result, finishedAt });
  await recordImportRun(tx, accountId, fileName, result, finishedAt, options.actor);
  return result;
}

/** An import is a change to the account: its audit entry lands in the import's own transaction, or neither does. */
export async function recordImportRun(tx: Transaction, accountId: number, fileName: string, result: FileImportResult, at: string, actor = 'cli'): Promise<void> {
  const { reportType, encoding, marketplace, sha256, rows, inserted, updated, unchanged, rejected, skipped, unmapped } = result;
  await recordChange(tx, {
    chain: accountChain(accountId), actor, action: 'import.file', subject: `import_run:${result.importRunId}`, at,
    after: { fileName, reportType, encoding, marketplace, sha256, rows, inserted, updated, unchanged, rejected, skipped, unmapped },
  });
}

function orderMarketplace(record: { line: number }): string | null {
  const channel = (record as OrderLineRecord).salesChannel;
  return channel ? (findMarketplace(channel)?.code ?? null) : null;
}

/** Rows whose reason code is not in the catalog: kept as received, counted, never guessed. */
function countUnmapped(type: ReportType, records: ReadonlyArray<{ line: number }>, codes: Set<string>): number {
  if (type !== 'fba-returns' && type !== 'mfn-returns') return 0;
  let count = 0;
  for (const record of records) {
    const raw = type === 'fba-returns' ? (record as FbaReturnRecord).reason : (record as MfnReturnRecord).returnReason;
    const reason = classifyReason(raw);
    if (reason.status === 'unmapped') {
      count++;
      if (codes.size < 100) codes.add(reason.raw ?? '');
    }
  }
  return count;
}

export function keepErrors(result: { errors: RowError[]; errorsTruncated: boolean }, errors: readonly RowError[], max: number): void {
  const room = max - result.errors.length;
  if (errors.length > room) result.errorsTruncated = true;
  if (room > 0) result.errors.push(...errors.slice(0, room));
}

export function emptyResult(path: string, reportType: ReportType, encoding: string, marketplace: string, importRunId: number): FileImportResult {
  return {
    file: path, reportType, encoding, marketplace, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
    skipped: 0, unmapped: 0, unmappedCodes: [], errors: [], errorsTruncated: false, importRunId, sha256: '',
  };
}
