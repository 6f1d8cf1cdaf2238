import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors.js';
import { csvTableBytes, xlsxTableBytes } from '../services/table-export.js';

// `--csv FILE` and `--xlsx FILE`: the report tables of services/table-export.ts written to the files
// the seller named; a file that cannot be written is bad input naming it.

/** The table as CSV (UTF-8 with BOM, formula-safe cells) at `path`. */
export function writeCsvTable(path: string, rows: readonly (readonly string[])[], isNumber: (header: string) => boolean = () => false): void {
  const bytes = csvTableBytes(rows, isNumber);
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** The table as an Excel workbook of one sheet at `path`. */
export async function writeXlsxTable(path: string, sheetName: string, rows: readonly (readonly string[])[], isNumber: (header: string) => boolean): Promise<void> {
  const bytes = await xlsxTableBytes({ sheet: sheetName, rows, isNumber });
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

function cannotWrite(path: string, error: unknown): DomainError {
  return new DomainError('unreadable_file', `Cannot write ${path}: ${(error as Error).message}.`, { file: path });
}
