import { sql } from 'kysely';
import { isAnyOf } from './dialect.js';
import type { CellValue } from './dialect.js';
import type { Transaction } from './database.js';
import { metaColumns } from './report-tables.js';
import type { ReportTable } from './report-tables.js';

/** A report row as stored: its id, its return case (return reports only) and its data values. */
export interface StoredReportRow {
  id: number;
  caseId: number | null;
  values: CellValue[];
}

/** A report row to write. `values` are in the table's column order. */
export interface NewReportRow {
  id: number;
  naturalKey: string;
  importRunId: number;
  line: number;
  marketplaceCode: string;
  caseId: number | null;
  values: CellValue[];
}

/** True when `table` holds at least one row of the account (report tables and return_cases). */
export async function hasRowsOfAccount(tx: Transaction, table: string, accountId: number): Promise<boolean> {
  const found = await tx.db.selectFrom(sql.table(table).as('r') as never)
    .select(sql<number>`1`.as('one'))
    .where(sql<boolean>`account_id = ${accountId}`)
    .limit(1)
    .execute();
  return found.length > 0;
}

/** The stored rows of `keys`, by natural key: one query for the whole batch. */
export async function findReportRows(tx: Transaction, table: ReportTable<unknown>, accountId: number, keys: readonly string[]): Promise<Map<string, StoredReportRow>> {
  const found = new Map<string, StoredReportRow>();
  if (keys.length === 0) return found;
  const columns = ['id', 'natural_key', ...(table.hasCase ? ['case_id'] : []), ...table.columns];
  const rows = await tx.db
    .selectFrom(sql.table(table.name).as('r') as never)
    .select(columns.map((c) => sql.ref(c).as(c)) as never)
    .where(sql<boolean>`account_id = ${accountId}`)
    .where(isAnyOf(tx.dialect, 'natural_key', keys))
    .execute() as Array<Record<string, CellValue>>;
  for (const row of rows) {
    found.set(String(row.natural_key), {
      id: Number(row.id),
      caseId: table.hasCase ? Number(row.case_id) : null,
      values: table.columns.map((c) => row[c] ?? null),
    });
  }
  return found;
}

export async function insertReportRows(tx: Transaction, table: ReportTable<unknown>, accountId: number, rows: readonly NewReportRow[]): Promise<void> {
  const columns = [...metaColumns, ...(table.hasCase ? ['case_id'] : []), ...table.columns];
  const values = rows.map((r) => [
    r.id, accountId, r.naturalKey, r.importRunId, r.line, r.marketplaceCode,
    ...(table.hasCase ? [r.caseId] : []), ...r.values,
  ]);
  await tx.bulk.insert(table.name, columns, values);
}

/**
 * Overwrites a changed row with its new values and keeps the old ones in record_changes, so the history
 * of every report row survives re-imports.
 */
export async function updateReportRow(tx: Transaction, table: ReportTable<unknown>, accountId: number, stored: StoredReportRow, next: NewReportRow, recordedAt: string): Promise<void> {
  const assignments = Object.fromEntries(table.columns.map((c, i) => [c, next.values[i] ?? null]));
  const caseLink = table.hasCase ? { case_id: next.caseId } : {};
  await tx.db.updateTable(table.name as never)
    .set({ ...assignments, ...caseLink, import_run_id: next.importRunId, line: next.line } as never)
    .where(sql<boolean>`id = ${stored.id}`)
    .execute();
  await tx.db.insertInto('record_changes').values({
    account_id: accountId,
    table_name: table.name,
    record_id: stored.id,
    import_run_id: next.importRunId,
    line: next.line,
    before: JSON.stringify(changedFields(table.columns, stored.values, next.values, 'before')),
    after: JSON.stringify(changedFields(table.columns, stored.values, next.values, 'after')),
    recorded_at: recordedAt,
  }).execute();
}

function changedFields(columns: readonly string[], before: CellValue[], after: CellValue[], side: 'before' | 'after'): Record<string, CellValue> {
  const fields: Record<string, CellValue> = {};
  columns.forEach((c, i) => {
    if (before[i] !== after[i]) fields[c] = (side === 'before' ? before[i] : after[i]) ?? null;
  });
  return fields;
}

export function sameValues(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}
