import type { ProductRecord } from '../domain/report-records.js';
import { parseAccessories, parseCode, parseCurrency, parseMoney, parseWeight } from './product-sheet-cells.js';
import { listProvidedFields, readHeader, refuseAmazonReport, weightColumns } from './product-sheet-columns.js';
import type { Columns, ProductField, SheetColumn } from './product-sheet-columns.js';
import { cellText, isBlank, readTable, unreadable } from './product-sheet-table.js';
import type { Cell, SheetRow } from './product-sheet-table.js';
import { CellError } from './row-error.js';
import type { RowError } from './row-error.js';

export { productFields } from './product-sheet-columns.js';
export type { ProductField } from './product-sheet-columns.js';

export interface ProductSheetOptions {
  /** Currency of price and unit_cost when the sheet has no currency column (or the cell is blank). */
  currency: string;
  /** Decimal separator of amounts and weights written as text (`12,50` in the EU). */
  decimalSeparator: '.' | ',';
}

export interface ProductSheet {
  records: ProductRecord[];
  /**
   * The record fields the sheet has a column for. The others are null (or []) in every record only
   * because the sheet does not say, so storing must leave them as they are; a blank cell in a column
   * listed here does clear its field.
   */
  fields: ProductField[];
  /** One error per bad cell; a row with any error is left out of `records`. */
  errors: RowError[];
  /** Non-blank data rows read, good and rejected. */
  rows: number;
  format: 'csv' | 'xlsx';
  /** Header cells that name no known column, as written; their cells are not read. */
  ignoredColumns: string[];
}

interface RowContext {
  columns: Columns;
  options: ProductSheetOptions;
  /** First line of each SKU seen so far, valid or not: a later row with the same SKU is the duplicate. */
  skuLines: Map<string, number>;
}

/** Parses one data row; any bad cell rejects the row (and every bad cell gets its own error). */
function parseProductRow(row: SheetRow, { columns, options, skuLines }: RowContext): { record: ProductRecord | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const read = <T>(column: SheetColumn, parse: (cell: Cell) => T): T | null => {
    const found = columns.get(column);
    const cell = found && row.cells[found.index];
    if (!found || cell === undefined || isBlank(cell)) return null;
    try {
      return parse(typeof cell === 'string' ? cell.trim() : cell);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push({ line: row.line, column: found.name, message: error.message });
      return null;
    }
  };
  const skuColumn = columns.get('sku')!;
  const sku = read('sku', (cell) => checkSku(cellText(cell), row.line, skuLines));
  if (isBlank(row.cells[skuColumn.index])) errors.push({ line: row.line, column: skuColumn.name, message: 'The SKU is empty; every row needs the seller SKU' });
  const currencyCell = read('currency', parseCurrency);
  const currency = currencyCell ?? options.currency;
  const priceMinor = read('price', (cell) => parseMoney(cell, currency, options.decimalSeparator));
  const unitCostMinor = read('unitCost', (cell) => parseMoney(cell, currency, options.decimalSeparator));
  const weighed = weightColumns.filter((column) => columns.has(column) && !isBlank(row.cells[columns.get(column)!.index]));
  if (weighed.length > 1) {
    errors.push({ line: row.line, column: columns.get(weighed[1]!)!.name, message: `The row already has a weight under "${columns.get(weighed[0]!)!.name}"; fill in only one weight column` });
  }
  const weightGrams = weighed.length === 1 ? read(weighed[0]!, (cell) => parseWeight(cell, weighed[0]!, options.decimalSeparator)) : null;
  const record: ProductRecord = {
    line: row.line, sku: sku ?? '',
    asin: read('asin', (cell) => parseCode(cell, 'ASIN')), fnsku: read('fnsku', (cell) => parseCode(cell, 'FNSKU')),
    title: read('title', cellText), category: read('category', cellText), priceMinor, unitCostMinor,
    currency: priceMinor !== null || unitCostMinor !== null ? currency : currencyCell,
    weightGrams, accessories: read('accessories', parseAccessories) ?? [],
  };
  return { record: errors.length ? null : record, errors };
}

function checkSku(sku: string, line: number, skuLines: Map<string, number>): string {
  const earlier = skuLines.get(sku);
  if (earlier !== undefined) throw new CellError(`SKU "${sku}" is already on line ${earlier}; keep one row per SKU`);
  skuLines.set(sku, line);
  return sku;
}

/**
 * Reads the seller's product sheet (unit cost, weight, category, accessories per SKU): an XLSX
 * workbook (first worksheet; recognized by its ZIP signature, not `fileName`) or CSV text (`,` `;` or
 * tab, any encoding decode.ts detects). The header is the first non-blank row; see
 * docs/product-sheet.md for its columns. Bad cells reject their row with a RowError naming the column
 * as written; the other rows come back; `fields` lists the record fields the header provides. Throws
 * `unreadable_file` for an empty file, no sku column, a column named twice, an Amazon report saved as a
 * spreadsheet, or bytes that are neither CSV text nor XLSX. `fileName` is only used in messages.
 */
export async function readProductSheet(bytes: Uint8Array, fileName: string, options: ProductSheetOptions): Promise<ProductSheet> {
  const table = await readTable(bytes, fileName);
  const [header, ...body] = table.rows.filter((row) => !row.cells.every(isBlank));
  if (!header) throw unreadable(fileName, 'is empty: put a header row (sku, title, unit_cost...) and one row per product in it.');
  refuseAmazonReport(header, fileName);
  const { columns, ignored } = readHeader(header, fileName);
  const context: RowContext = { columns, options, skuLines: new Map() };
  const sheet: ProductSheet = {
    records: [], fields: listProvidedFields(columns), errors: [], rows: body.length, format: table.format, ignoredColumns: ignored,
  };
  for (const row of body) {
    const { record, errors } = parseProductRow(row, context);
    if (record) sheet.records.push(record);
    sheet.errors.push(...errors);
  }
  return sheet;
}
