import type { ReportType } from '../domain/report-records.js';
import type { RowReader } from './row-reader.js';

/**
 * How to read one Amazon report: its columns (normalized names, see header.ts) and how a row becomes
 * a record. `createRowParser` returns a function called once per data row; it returns the record,
 * or null for a row the report carries but ReturnDesk does not import (settlement non-refund rows).
 * The caller discards the record when the reader collected errors for the row.
 */
export interface ReportSpec<R extends { line: number }> {
  readonly type: ReportType;
  /** What a seller calls the report, for messages. */
  readonly title: string;
  /** Columns that identify the report and without which it cannot be read. */
  readonly required: readonly string[];
  /** Other columns the report may carry (variants and extra columns are fine either way). */
  readonly optional: readonly string[];
  /** Alternative names of a column: alias -> canonical name (e.g. the UI download's `amazon-order-id`). */
  readonly aliases?: Readonly<Record<string, string>>;
  createRowParser(): (reader: RowReader) => R | null;
  /** The report's natural key: a second import of the same row finds it by this. */
  naturalKey(record: R): string;
}

export type AnyReportSpec = ReportSpec<{ line: number }>;

/** Joins key parts with a tab, which never occurs inside a cell of a tab-delimited report. */
export function joinKey(...parts: Array<string | null>): string {
  return parts.map((p) => p ?? '').join('\t');
}
