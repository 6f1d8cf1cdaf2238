// The product sheet's header: which column names mean what, and which product fields a sheet provides.
import { reportSpecs, resolveAliases } from './detect.js';
import { indexHeader } from './header.js';
import { cellText, unreadable } from './product-sheet-table.js';
import type { SheetRow } from './product-sheet-table.js';

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
/** A column the sheet may have, as named in code (its header names are `columnAliases`). */
export type SheetColumn = keyof typeof columnAliases;
/** The sheet's known columns: where each sits and its name as written in the header. */
export type Columns = Map<SheetColumn, { index: number; name: string }>;

/** Weight columns: `weight` has the unit in each cell, the others in their name. */
export const weightColumns = ['weight', 'weightG', 'weightKg', 'weightLb', 'weightOz'] as const satisfies readonly SheetColumn[];
export type WeightColumn = (typeof weightColumns)[number];

/** The ProductRecord fields a product sheet may set (the sku is the key, so always there). */
export const productFields = ['asin', 'fnsku', 'title', 'category', 'priceMinor', 'unitCostMinor', 'currency', 'weightGrams', 'accessories'] as const;
export type ProductField = (typeof productFields)[number];

// An amount carries its currency (the marketplace's when the sheet names none), so a price or cost
// column provides the currency too.
const fieldColumns: Readonly<Record<ProductField, readonly SheetColumn[]>> = {
  asin: ['asin'], fnsku: ['fnsku'], title: ['title'], category: ['category'],
  priceMinor: ['price'], unitCostMinor: ['unitCost'], currency: ['currency', 'price', 'unitCost'],
  weightGrams: weightColumns, accessories: ['accessories'],
};

/**
 * The product fields the sheet's header provides, in `productFields` order. Records hold null (or [])
 * for a field the sheet has no column for; that means "not given", not "blank", so whoever stores
 * them keeps the stored value of every field not listed.
 */
export function listProvidedFields(columns: Columns): ProductField[] {
  return productFields.filter((field) => fieldColumns[field].some((column) => columns.has(column)));
}

const columnByKey = new Map<string, SheetColumn>(
  (Object.entries(columnAliases) as [SheetColumn, readonly string[]][]).flatMap(([column, keys]) => keys.map((key) => [key, column] as const)),
);

/** NFKC folds full-width `（ｇ）` into `(g)`, as Chinese input methods type them. */
function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

/** Maps header cells to columns; a column named twice is a sheet error (which one would count?). */
export function readHeader(header: SheetRow, fileName: string): { columns: Columns; ignored: string[] } {
  const columns: Columns = new Map();
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const name = cellText(cell).trim();
    if (name === '') return;
    const column = columnByKey.get(headerKey(name));
    const earlier = column && columns.get(column);
    if (earlier) throw unreadable(fileName, `has two columns for ${column}: "${earlier.name}" and "${name}". Keep one of them.`);
    if (column) columns.set(column, { index, name });
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
export function refuseAmazonReport(header: SheetRow, fileName: string): void {
  const index = indexHeader(header.cells.map(cellText));
  const report = reportSpecs.find((spec) => {
    const resolved = resolveAliases(spec, index);
    return spec.required.every((column) => resolved.has(column));
  });
  if (report) {
    throw unreadable(fileName, `is Amazon's ${report.title} report saved as a spreadsheet, not a product sheet. Import the report's tab-delimited file as Amazon delivers it; nothing was imported.`);
  }
}
