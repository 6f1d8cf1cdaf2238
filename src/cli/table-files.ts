import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../domain/errors.js';

// Report tables as files for spreadsheets, where sellers live: CSV and XLSX. The first row is the
// header; cells are text as the report prints them.

/**
 * CSV: UTF-8 with a byte-order mark, and a cell that starts like a formula (=, +, -, @, tab, CR)
 * prefixed with ' so a SKU from a seller's file can never run as one (OWASP CSV injection); except a
 * plain number (-10.00) in a column `isNumber` names, which stays a number for the spreadsheet.
 */
export function writeCsvTable(path: string, rows: readonly (readonly string[])[], isNumber: (header: string) => boolean = () => false): void {
  const numeric = (rows[0] ?? []).map(isNumber);
  const safe = rows.map((row, r) => row.map((cell, i) => (r > 0 && numeric[i] && plainNumber.test(cell)) || !formulaStart.test(cell) ? cell : `'${cell}`));
  writeOrSay(path, () => writeFileSync(path, stringify(safe, { bom: true })));
}

const plainNumber = /^-?\d+(\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;

/**
 * XLSX: one sheet, a bold frozen header. The columns `isNumber` names (by header) are written as
 * numbers, so the sheet sorts and sums; every other cell stays text (a SKU such as 00123 keeps its
 * zeros, a month stays a month, and nothing is ever a formula).
 */
export async function writeXlsxTable(path: string, sheetName: string, rows: readonly (readonly string[])[], isNumber: (header: string) => boolean): Promise<void> {
  // Loaded on demand, as for the product sheet: exceljs takes 0.4 s to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header = [], ...body] = rows;
  const numeric = header.map(isNumber);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of body) sheet.addRow(row.map((cell, i) => (numeric[i] && cell !== '' ? Number(cell) : cell)));
  await writeOrSayAsync(path, () => workbook.xlsx.writeFile(path) as Promise<void>);
}

function writeOrSay(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

async function writeOrSayAsync(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

function cannotWrite(path: string, error: unknown): DomainError {
  return new DomainError('unreadable_file', `Cannot write ${path}: ${(error as Error).message}.`, { file: path });
}
