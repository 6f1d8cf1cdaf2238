import type { ReportType } from '../domain/report-records.js';
import type { AnyReportSpec } from '../importers/report-spec.js';
import type { Transaction } from '../storage/database.js';
import type { ReportTable } from '../storage/report-tables.js';
import { findReportRows, insertReportRows, sameValues, updateReportRow } from '../storage/report-row-repository.js';
import type { NewReportRow, StoredReportRow } from '../storage/report-row-repository.js';
import { applyReturnRows } from './apply-return-rows.js';
import type { SeenKeys } from './seen-keys.js';

export interface MergeContext {
  tx: Transaction;
  accountId: number;
  importRunId: number;
  marketplaceCode: string;
  reportType: ReportType;
  spec: AnyReportSpec;
  table: ReportTable<{ line: number }>;
  now: string;
  /** The marketplace a record belongs to when the row says so (All Orders' sales channel). */
  marketplaceOf?: (record: { line: number }) => string | null;
  /** Report rows and return cases that may already be stored (see seen-keys.ts). */
  seenRows: SeenKeys;
  seenCases: SeenKeys;
  /** Ids of the return cases a row of this import was applied to (see applyReturnRows). */
  appliedCases: Set<number>;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

interface PlannedRow {
  record: { line: number };
  key: string;
  values: ReturnType<ReportTable<{ line: number }>['toValues']>;
  stored: StoredReportRow | null;
  /** Stored with these very values: planned only so its return case can take the row again. */
  unchanged: boolean;
}

/**
 * Merges a batch of valid records into their report table by natural key: a new key is inserted, a
 * known key with other values is updated (its history kept), an identical row is left alone, so a
 * second import of the same file inserts nothing. Within a file the later of two rows with one key wins.
 * An identical return row still reaches its case when an earlier row of that case was applied (see
 * applyReturnRows).
 */
export async function mergeReportBatch(context: MergeContext, records: ReadonlyArray<{ line: number }>): Promise<MergeCounts> {
  const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const run of runsOfDistinctKeys(records, context.spec)) {
    const maybeStored = run.filter((r) => context.seenRows.mightExist(r.key)).map((r) => r.key);
    const stored = await findReportRows(context.tx, context.table, context.accountId, maybeStored);
    const planned: PlannedRow[] = [];
    for (const { record, key } of run) {
      const values = context.table.toValues(record);
      const existing = stored.get(key) ?? null;
      const unchanged = existing !== null && sameValues(existing.values, values);
      if (unchanged) counts.unchanged++;
      if (!unchanged || context.table.hasCase) planned.push({ record, key, values, stored: existing, unchanged });
    }
    await writePlanned(context, planned, counts);
  }
  return counts;
}

/** Splits a batch where a key repeats, so each run can be looked up and written in one go. */
function runsOfDistinctKeys(records: ReadonlyArray<{ line: number }>, spec: AnyReportSpec): Array<Array<{ record: { line: number }; key: string }>> {
  const runs: Array<Array<{ record: { line: number }; key: string }>> = [];
  let run: Array<{ record: { line: number }; key: string }> = [];
  let keys = new Set<string>();
  for (const record of records) {
    const key = spec.naturalKey(record);
    if (keys.has(key)) {
      runs.push(run);
      run = [];
      keys = new Set();
    }
    keys.add(key);
    run.push({ record, key });
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

async function writePlanned(context: MergeContext, planned: PlannedRow[], counts: MergeCounts): Promise<void> {
  if (planned.length === 0) return;
  const caseIds = context.table.hasCase ? await applyReturnRows(context, planned) : null;
  const changed = planned.filter((p) => !p.unchanged).length;
  if (changed === 0) return;
  const freshIds = await context.tx.bulk.reserveIds(context.table.name, planned.filter((p) => p.stored === null).length);
  const inserts: NewReportRow[] = [];
  for (const [i, p] of planned.entries()) {
    if (p.unchanged) continue;
    const row: NewReportRow = {
      id: p.stored?.id ?? freshIds[inserts.length]!,
      naturalKey: p.key,
      importRunId: context.importRunId,
      line: p.record.line,
      marketplaceCode: context.marketplaceOf?.(p.record) ?? context.marketplaceCode,
      caseId: caseIds?.[i] ?? null,
      values: p.values,
    };
    if (p.stored) {
      await updateReportRow(context.tx, context.table, context.accountId, p.stored, row, context.now);
    } else {
      inserts.push(row);
      context.seenRows.remember(p.key);
    }
  }
  await insertReportRows(context.tx, context.table, context.accountId, inserts);
  counts.inserted += inserts.length;
  counts.updated += changed - inserts.length;
}
