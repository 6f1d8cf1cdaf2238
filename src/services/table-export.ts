import { stringify } from 'csv-stringify/sync';

// Report tables as files for spreadsheets, where sellers live: CSV and XLSX, the same bytes whether
// the CLI writes them to a file (`--csv`, `--xlsx`) or the HTTP API answers them as a download. The
// first row is the header; cells are text as the report prints them.

export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];

/** The media type of each format: never one a browser would render as a page. */
export const tableMediaTypes: Readonly<Record<TableFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table to export: its rows (header first), the sheet's name, and which columns hold numbers (by header). */
export interface ExportTable {
  readonly sheet: string;
  readonly rows: readonly (readonly string[])[];
  readonly isNumber: (header: string) => boolean;
}

const plainNumber = /^-?\d+(\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;

/**
 * CSV: UTF-8 with a byte-order mark, and a cell that starts like a formula (=, +, -, @, tab, CR)
 * prefixed with ' so a SKU from a seller's file can never run as one (OWASP CSV injection); except a
 * plain number (-10.00) in a column `isNumber` names, which stays a number for the spreadsheet.
 */
export function csvTableBytes(rows: readonly (readonly string[])[], isNumber: (header: string) => boolean = () => false): Buffer {
  const numeric = (rows[0] ?? []).map(isNumber);
  const safe = rows.map((row, r) => row.map((cell, i) => (r > 0 && numeric[i] && plainNumber.test(cell)) || !formulaStart.test(cell) ? cell : `'${cell}`));
  return Buffer.from(stringify(safe, { bom: true }), 'utf8');
}

/**
 * XLSX: one sheet, a bold frozen header. The columns `isNumber` names (by header) are written as
 * numbers, so the sheet sorts and sums; every other cell stays text (a SKU such as 00123 keeps its
 * zeros, a month stays a month, and nothing is ever a formula: exceljs writes a string as a string).
 */
export async function xlsxTableBytes(table: ExportTable): Promise<Buffer> {
  // Loaded on demand, as for the product sheet: exceljs takes 0.4 s to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header = [], ...body] = table.rows;
  const numeric = header.map(table.isNumber);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of body) sheet.addRow(row.map((cell, i) => (numeric[i] && cell !== '' ? Number(cell) : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The table as a file of `format`. */
export async function tableBytes(table: ExportTable, format: TableFormat): Promise<Buffer> {
  return format === 'csv' ? csvTableBytes(table.rows, table.isNumber) : xlsxTableBytes(table);
}
