import type { Kysely } from 'kysely';
import type { ProductRecord } from '../domain/report-records.js';
import { isAnyOf } from './dialect.js';
import type { CellValue } from './dialect.js';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';
import { sameValues } from './report-row-repository.js';

/** The product fields a sheet can provide, and their columns. */
export type ProductRecordField = Exclude<keyof ProductRecord, 'line' | 'sku'>;

const columnOf: Record<ProductRecordField, 'asin' | 'fnsku' | 'title' | 'category' | 'price_minor' | 'unit_cost_minor' | 'currency' | 'weight_grams' | 'accessories'> = {
  asin: 'asin', fnsku: 'fnsku', title: 'title', category: 'category', priceMinor: 'price_minor',
  unitCostMinor: 'unit_cost_minor', currency: 'currency', weightGrams: 'weight_grams', accessories: 'accessories',
};

function valueOf(product: ProductRecord, field: ProductRecordField): CellValue {
  return field === 'accessories' ? JSON.stringify(product.accessories) : product[field];
}

/**
 * Inserts new SKUs and overwrites the `fields` the sheet provides on known ones (old values kept in
 * record_changes); fields the sheet lacks keep what is stored, so a sheet without a cost column never
 * wipes the costs. Identical rows are left alone. Returns the counts for the import summary.
 */
export async function upsertProducts(tx: Transaction, accountId: number, importRunId: number, products: readonly ProductRecord[], fields: readonly ProductRecordField[], now: string) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (products.length === 0) return counts;
  const columns = fields.map((f) => columnOf[f]);
  const stored = await tx.db.selectFrom('products').select(['id', 'sku', ...Object.values(columnOf)])
    .where('account_id', '=', accountId).where(isAnyOf(tx.dialect, 'sku', products.map((p) => p.sku))).execute();
  const bySku = new Map(stored.map((row) => [row.sku, row]));
  for (const product of products) {
    const values = fields.map((f) => valueOf(product, f));
    const existing = bySku.get(product.sku);
    const provided = { ...Object.fromEntries(columns.map((c, i) => [c, values[i]])), import_run_id: importRunId, line: product.line, updated_at: now };
    if (!existing) {
      await tx.db.insertInto('products').values({ ...provided, account_id: accountId, sku: product.sku } as never).execute();
      counts.inserted++;
      continue;
    }
    const before = columns.map((c) => existing[c]);
    if (sameValues(before, values)) {
      counts.unchanged++;
      continue;
    }
    await tx.db.updateTable('products').set(provided).where('id', '=', existing.id).execute();
    await recordProductChange(tx, accountId, importRunId, product.line, existing.id, columns, before, values, now);
    counts.updated++;
  }
  return counts;
}

async function recordProductChange(tx: Transaction, accountId: number, importRunId: number, line: number, id: number, columns: readonly string[], before: CellValue[], after: CellValue[], now: string): Promise<void> {
  const changed = columns.map((c, i) => [c, i] as const).filter(([, i]) => before[i] !== after[i]);
  await tx.db.insertInto('record_changes').values({
    account_id: accountId, table_name: 'products', record_id: id, import_run_id: importRunId, line,
    before: JSON.stringify(Object.fromEntries(changed.map(([c, i]) => [c, before[i]]))),
    after: JSON.stringify(Object.fromEntries(changed.map(([c, i]) => [c, after[i]]))),
    recorded_at: now,
  }).execute();
}

/** One SKU of the account's product sheet, as inspections and dispositions read it. */
export interface ProductSheetEntry {
  readonly sku: string;
  readonly title: string | null;
  readonly category: string | null;
  readonly priceMinor: number | null;
  readonly unitCostMinor: number | null;
  readonly currency: string | null;
  readonly weightGrams: number | null;
  /** What belongs in the box, as the sheet lists it. */
  readonly accessories: string[];
}

/** The product sheet entry of a SKU, or undefined when the sheet does not have it. */
export async function findProduct(db: Kysely<Schema>, accountId: number, sku: string): Promise<ProductSheetEntry | undefined> {
  const row = await db.selectFrom('products')
    .select(['sku', 'title', 'category', 'price_minor', 'unit_cost_minor', 'currency', 'weight_grams', 'accessories'])
    .where('account_id', '=', accountId).where('sku', '=', sku).executeTakeFirst();
  return row && {
    sku: row.sku, title: row.title, category: row.category, priceMinor: row.price_minor, unitCostMinor: row.unit_cost_minor,
    currency: row.currency, weightGrams: row.weight_grams, accessories: JSON.parse(row.accessories) as string[],
  };
}

/** Every SKU's product category from the product sheet (SKUs without one are left out). */
export async function productCategories(db: Kysely<Schema>, accountId: number): Promise<Map<string, string>> {
  const rows = await db.selectFrom('products').select(['sku', 'category']).where('account_id', '=', accountId).where('category', 'is not', null).execute();
  return new Map(rows.filter((r) => r.category!.trim() !== '').map((r) => [r.sku, r.category!.trim()]));
}
