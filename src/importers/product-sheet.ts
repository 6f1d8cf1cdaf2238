import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import { DomainError, isDomainError } from '../domain/errors.js';
import { currencyExponent, parseAmount } from '../domain/money.js';
import type { ProductRecord } from '../domain/report-records.js';
import { createTextDecoder, detectEncoding } from './decode.js';
import { reportSpecs, resolveAliases } from './detect.js';
import { indexHeader } from './header.js';
import { CellError } from './row-error.js';
import type { RowError } from './row-error.js';

/** A cell as the sheet holds it: XLSX numbers stay numbers (their decimal point is not text). */
type Cell = string | number;
interface SheetRow { line: number; cells: Cell[] }
interface Table { format: 'csv' | 'xlsx'; rows: SheetRow[] }

export interface ProductSheetOptions {
  /** Currency of price and unit_cost when the sheet has no currency column (or the cell is blank). */
  currency: string;
  /** Decimal separator of amounts and weights written as text (`12,50` in the EU). */
  decimalSeparator: '.' | ',';
}

export interface ProductSheet {
  records: ProductRecord[];
  /** One error per bad cell; a row with any error is left out of `records`. */
  errors: RowError[];
  /** Non-blank data rows read, good and rejected. */
  rows: number;
  format: 'csv' | 'xlsx';
  /** Header cells that name no known column, as written; their cells are not read. */
  ignoredColumns: string[];
}

// The documented header (docs/product-sheet.md). Names compare after headerKey(), so `Unit Cost`,
// `unit_cost` and `unit-cost` are one column; the Chinese names are what Chinese sellers' sheets use.
const columnAliases = {
  sku: ['sku', 'sellersku', 'merchantsku', 'msku', '卖家sku'],
  asin: ['asin'],
  fnsku: ['fnsku'],
  title: ['title', 'productname', 'itemname', '标题', '品名', '产品名称'],
  category: ['category', '类目', '分类'],
  price: ['price', '售价', '价格'],
  unitCost: ['unitcost', 'cost', '成本', '采购成本'],
  currency: ['currency', '币种', '货币'],
  weight: ['weight', '重量'],
  weightG: ['weightg', 'weight(g)', '重量(g)', '重量g', '重量(克)'],
  weightKg: ['weightkg', 'weight(kg)', '重量(kg)', '重量kg', '重量(千克)', '重量(公斤)'],
  weightLb: ['weightlb', 'weight(lb)', 'weightlbs', 'weight(lbs)', '重量(lb)', '重量(磅)'],
  weightOz: ['weightoz', 'weight(oz)', '重量(oz)', '重量(盎司)'],
  accessories: ['accessories', '配件'],
} as const;
type Field = keyof typeof columnAliases;
type Columns = Map<Field, { index: number; name: string }>;

const fieldByKey = new Map<string, Field>(
  (Object.entries(columnAliases) as [Field, readonly string[]][]).flatMap(([field, keys]) => keys.map((key) => [key, field] as const)),
);

/** NFKC folds full-width `（ｇ）` into `(g)`, as Chinese input methods type them. */
function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

const gramsPer = { weightG: 1, weightKg: 1000, weightLb: 453.59237, weightOz: 28.349523125 } as const;
type WeightField = keyof typeof gramsPer;
const weightFields = ['weight', ...Object.keys(gramsPer)] as ('weight' | WeightField)[];
const unitWords: ReadonlyMap<string, WeightField> = new Map([
  ...['g', 'gr', 'gram', 'grams', '克'].map((unit) => [unit, 'weightG'] as const),
  ...['kg', 'kgs', 'kilogram', 'kilograms', '千克', '公斤'].map((unit) => [unit, 'weightKg'] as const),
  ...['lb', 'lbs', 'pound', 'pounds', '磅'].map((unit) => [unit, 'weightLb'] as const),
  ...['oz', 'ounce', 'ounces', '盎司'].map((unit) => [unit, 'weightOz'] as const),
]);

function unreadable(fileName: string, problem: string): DomainError {
  return new DomainError('unreadable_file', `"${fileName}" ${problem}`, { fileName });
}

/** Text of a number without binary-float noise (`19.990000000000002` → `19.99`). */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function cellText(cell: Cell): string {
  return typeof cell === 'number' ? numberText(cell) : cell;
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

function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    const decoder = createTextDecoder(detectEncoding(bytes, { wholeFile: true }));
    return decoder.write(bytes) + decoder.end();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const problem = error.details.reason === 'utf-16' ? 'is UTF-16 text (Excel\'s "Unicode Text")'
      : error.details.reason === 'binary' ? 'is neither CSV text nor an Excel .xlsx workbook' : 'is not valid UTF-8 text';
    throw unreadable(fileName, `${problem}. Save the sheet as .xlsx or "CSV UTF-8" and try again.`);
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

async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw unreadable(fileName, 'is empty: put a header row (sku, title, unit_cost...) and one row per product in it.');
  const startsWith = (...magic: number[]): boolean => magic.every((byte, i) => bytes[i] === byte);
  // Excel's .xlsx is a ZIP archive; judged by content, since uploads lose or change their names.
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes, fileName);
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) throw unreadable(fileName, 'is an old Excel .xls workbook. Save it as .xlsx (Excel Workbook) or "CSV UTF-8" and try again.');
  return readCsv(bytes, fileName);
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Maps header cells to fields; a field named twice is a sheet error (which column would count?). */
function readHeader(header: SheetRow, fileName: string): { columns: Columns; ignored: string[] } {
  const columns: Columns = new Map();
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = cellText(cell).trim();
    if (name === '') return;
    const field = fieldByKey.get(headerKey(name));
    const earlier = field && columns.get(field);
    if (earlier) throw unreadable(fileName, `has two columns for ${field}: "${earlier.name}" and "${name}". Keep one of them.`);
    if (field) columns.set(field, { index, name });
    else ignored.push(name);
  });
  if (!columns.has('sku')) {
    const garbled = /[^\x20-\x7e]/.test(header.cells.join('')) ? ' If these names look garbled, save the sheet as "CSV UTF-8" or .xlsx.' : '';
    throw unreadable(fileName, `has no sku column. Its header (line ${header.line}) reads: ${header.cells.map(cellText).join(', ')}. Name the SKU column "sku" or "卖家SKU".${garbled}`);
  }
  return { columns, ignored };
}

/**
 * An Amazon report opened in Excel and saved as CSV or .xlsx has a sku column too. Read as a product
 * sheet, it would overwrite the seller's costs and weights with blanks, so it is refused by name.
 */
function refuseAmazonReport(header: SheetRow, fileName: string): void {
  const index = indexHeader(header.cells.map(cellText));
  const report = reportSpecs.find((spec) => {
    const resolved = resolveAliases(spec, index);
    return spec.required.every((column) => resolved.has(column));
  });
  if (report) {
    throw unreadable(fileName, `is Amazon's ${report.title} report saved as a spreadsheet, not a product sheet. Import the report's tab-delimited file as Amazon delivers it; nothing was imported.`);
  }
}

/** Reads a decimal number written as text, or an XLSX number; `1,200` style grouping is refused. */
function parseDecimal(cell: Cell, decimalSeparator: '.' | ','): number {
  if (typeof cell === 'number') return cell;
  const match = /^(\d+)(?:([.,])(\d+))?$/.exec(cell);
  if (!match) throw new CellError(`"${cell}" is not a number`);
  const [, whole, separator, fraction] = match;
  // `1.200` in a comma-decimal sheet could be 1.2 or 1200: ask rather than guess.
  if (separator && separator !== decimalSeparator && fraction!.length === 3) {
    throw new CellError(`"${cell}" is ambiguous: write it without a thousands separator, with "${decimalSeparator}" for decimals`);
  }
  return Number(`${whole}.${fraction ?? '0'}`);
}

function parseMoney(cell: Cell, currency: string, options: ProductSheetOptions): number {
  let minor: number;
  try {
    minor = typeof cell === 'number' ? parseAmount(numberText(cell), currency, '.') : parseAmount(cell, currency, options.decimalSeparator);
  } catch (error) {
    if (isDomainError(error)) throw new CellError(error.message);
    throw error;
  }
  if (minor < 0) throw new CellError(`"${cellText(cell)}" is negative; an amount here cannot be below 0`);
  return minor;
}

function parseCurrency(cell: Cell): string {
  const code = cellText(cell).toUpperCase();
  try {
    currencyExponent(code);
  } catch {
    throw new CellError(`"${cellText(cell)}" is not a currency code; write an ISO code such as USD, EUR or JPY`);
  }
  return code;
}

/** Grams from `450 g`, `0,45 kg`, `16 oz`; in a unit column (weight_kg) a bare number takes its unit. */
function parseWeight(cell: Cell, field: 'weight' | WeightField, decimalSeparator: '.' | ','): number {
  const columnUnit = field === 'weight' ? undefined : field;
  let unit = columnUnit;
  let amount = cell;
  const match = typeof cell === 'string' ? /^(.*?)\s*([a-z]+|[克千公斤磅盎司]+)$/iu.exec(cell) : null;
  if (match) {
    unit = unitWords.get(match[2]!.toLowerCase());
    if (!unit) throw new CellError(`"${cell}" has an unknown weight unit "${match[2]}"; use g, kg, lb or oz`);
    if (columnUnit && unit !== columnUnit) throw new CellError(`"${cell}" is in another unit than its column; write the number only`);
    amount = match[1]!;
  }
  if (!unit) throw new CellError(`"${cellText(cell)}" has no unit; write the weight like 450 g, 0.45 kg, 1.2 lb or 16 oz, or name the column weight_g`);
  const grams = Math.round(parseDecimal(amount, decimalSeparator) * gramsPer[unit]);
  if (grams <= 0) throw new CellError(`"${cellText(cell)}" is not a weight of 1 g or more (weights are kept in whole grams)`);
  return grams;
}

function parseCode(cell: Cell, what: 'ASIN' | 'FNSKU'): string {
  const code = cellText(cell).toUpperCase();
  if (!/^[A-Z0-9]{10}$/.test(code)) throw new CellError(`"${cellText(cell)}" is not an ${what}: expected 10 letters and digits like ${what === 'ASIN' ? 'B07XJ8C8F5' : 'X001ABCDEF'}`);
  return code;
}

function parseAccessories(cell: Cell): string[] {
  return cellText(cell).split(/[;；、|｜]/).map((item) => item.trim()).filter((item) => item !== '');
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
  const read = <T>(field: Field, parse: (cell: Cell) => T): T | null => {
    const column = columns.get(field);
    const cell = column && row.cells[column.index];
    if (!column || cell === undefined || isBlank(cell)) return null;
    try {
      return parse(typeof cell === 'string' ? cell.trim() : cell);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push({ line: row.line, column: column.name, message: error.message });
      return null;
    }
  };
  const skuColumn = columns.get('sku')!;
  const sku = read('sku', (cell) => checkSku(cellText(cell), row.line, skuLines));
  if (isBlank(row.cells[skuColumn.index])) errors.push({ line: row.line, column: skuColumn.name, message: 'The SKU is empty; every row needs the seller SKU' });
  const currencyCell = read('currency', parseCurrency);
  const currency = currencyCell ?? options.currency;
  const priceMinor = read('price', (cell) => parseMoney(cell, currency, options));
  const unitCostMinor = read('unitCost', (cell) => parseMoney(cell, currency, options));
  const weighed = weightFields.filter((field) => columns.has(field) && !isBlank(row.cells[columns.get(field)!.index]));
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
 * as written; the other rows come back. Throws `unreadable_file` for an empty file, no sku column, a
 * column named twice, or bytes that are neither CSV text nor XLSX. `fileName` is only used in messages.
 */
export async function readProductSheet(bytes: Uint8Array, fileName: string, options: ProductSheetOptions): Promise<ProductSheet> {
  const table = await readTable(bytes, fileName);
  const [header, ...body] = table.rows.filter((row) => !row.cells.every(isBlank));
  if (!header) throw unreadable(fileName, 'is empty: put a header row (sku, title, unit_cost...) and one row per product in it.');
  refuseAmazonReport(header, fileName);
  const { columns, ignored } = readHeader(header, fileName);
  const context: RowContext = { columns, options, skuLines: new Map() };
  const sheet: ProductSheet = { records: [], errors: [], rows: body.length, format: table.format, ignoredColumns: ignored };
  for (const row of body) {
    const { record, errors } = parseProductRow(row, context);
    if (record) sheet.records.push(record);
    sheet.errors.push(...errors);
  }
  return sheet;
}
