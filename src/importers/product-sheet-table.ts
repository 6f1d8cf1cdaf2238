// Reading a product sheet file into rows of cells: an XLSX workbook's first worksheet or CSV text.
import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import { DomainError, isDomainError } from '../domain/errors.js';
import { createTextDecoder } from './decode.js';
import { detectEncoding } from './detect-encoding.js';

/** A cell as the sheet holds it: XLSX numbers stay numbers (their decimal point is not text). */
export type Cell = string | number;
export interface SheetRow { line: number; cells: Cell[] }
export interface Table { format: 'csv' | 'xlsx'; rows: SheetRow[] }

/** The error for a sheet that cannot be read at all; `problem` follows the quoted file name. */
export function unreadable(fileName: string, problem: string): DomainError {
  return new DomainError('unreadable_file', `"${fileName}" ${problem}`, { fileName });
}

/** Text of a number without binary-float noise (`19.990000000000002` → `19.99`). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? numberText(cell) : cell;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return xlsxCell(value.text);
  if ('error' in value) return value.error;
  return xlsxCell(value.result);
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Table> {
  // Loaded on demand: exceljs takes 0.4 s to load, which every other import would pay for nothing.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // Typed as taking an ArrayBuffer, but load hands the bytes to JSZip, which wants a Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable(fileName, 'is a ZIP file but not an Excel workbook that can be read. Save the sheet as .xlsx or "CSV UTF-8" and try again.');
  }
  const rows: SheetRow[] = [];
  workbook.worksheets[0]?.eachRow((row, line) => {
    const values = Array.isArray(row.values) ? row.values : [];
    rows.push({ line, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => xlsxCell(values[i + 1])) });
  });
  return { format: 'xlsx', rows };
}

/** The delimiter used most in the header line, among `,` `;` and tab (quoted text not counted). */
function detectDelimiter(text: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Why a sheet's text cannot be decoded, as the product sheet's reader (no `--encoding` option) puts it. */
function describeDecodeError(details: Record<string, unknown>): string {
  if (details.reason === 'utf-16') return 'is UTF-16 text (Excel\'s "Unicode Text")';
  if (details.reason === 'binary') return 'is neither CSV text nor an Excel .xlsx workbook';
  if (details.reason === 'invalid-utf8') {
    return `is UTF-8 text with an invalid byte near byte offset ${String(details.offset)} (a character saved in another encoding?). Retype that character`;
  }
  return 'is not valid UTF-8 text';
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    const decoder = createTextDecoder(detectEncoding(bytes, { wholeFile: true }));
    return decoder.write(bytes) + decoder.end();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw unreadable(fileName, `${describeDecodeError(error.details)}. Save the sheet as .xlsx or "CSV UTF-8" and try again.`);
  }
}

function readCsv(bytes: Uint8Array, fileName: string): Table {
  const text = decodeText(bytes, fileName);
  let parsed: { record: string[]; info: Pick<Info, 'lines'> }[];
  try {
    const options = { delimiter: detectDelimiter(text), info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
    // csv-parse's typings do not model `info: true`, which wraps each record with its position.
    parsed = parseCsv(text, options) as unknown as typeof parsed;
  } catch (error) {
    throw unreadable(fileName, `is not a readable CSV file: ${(error as Error).message}. Check for a quote (") that is never closed.`);
  }
  // csv-parse counts lines up to the end of a record; a quoted cell may span several.
  const rows = parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return { format: 'csv', rows };
}

/**
 * Reads the file's rows (blank ones included): an XLSX workbook's first worksheet, told by its ZIP
 * signature, or CSV text. An empty file, an .xls workbook or unreadable bytes are `unreadable_file`.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw unreadable(fileName, 'is empty: put a header row (sku, title, unit_cost...) and one row per product in it.');
  const startsWith = (...magic: number[]): boolean => magic.every((byte, i) => bytes[i] === byte);
  // Excel's .xlsx is a ZIP archive; judged by content, since uploads lose or change their names.
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes, fileName);
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) throw unreadable(fileName, 'is an old Excel .xls workbook. Save it as .xlsx (Excel Workbook) or "CSV UTF-8" and try again.');
  return readCsv(bytes, fileName);
}
