import type { Kysely } from 'kysely';
import type { ProductRecord } from '../domain/report-records.js';
import { isAnyOf } from './dialect.js';
import type { CellValue } from './dialect.js';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';
import { sameValues } from './report-row-repository.js';

const productColumns = ['asin', 'fnsku', 'title', 'category', 'price_minor', 'unit_cost_minor', 'currency', 'weight_grams', 'accessories'] as const;

function toValues(p: ProductRecord): CellValue[] {
  return [p.asin, p.fnsku, p.title, p.category, p.priceMinor, p.unitCostMinor, p.currency, p.weightGrams, JSON.stringify(p.accessories)];
}

/**
 * Inserts new SKUs and overwrites changed ones (old values kept in record_changes); identical rows are
 * left alone. Returns the counts for the import summary.
 */
export async function upsertProducts(tx: Transaction, accountId: number, importRunId: number, products: readonly ProductRecord[], now: string) {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (products.length === 0) return counts;
  const stored = await tx.db.selectFrom('products').select(['id', 'sku', ...productColumns])
    .where('account_id', '=', accountId).where(isAnyOf(tx.dialect, 'sku', products.map((p) => p.sku))).execute();
  const bySku = new Map(stored.map((row) => [row.sku, row]));
  for (const product of products) {
    const values = toValues(product);
    const existing = bySku.get(product.sku);
    const before = existing ? productColumns.map((c) => existing[c]) : null;
    if (before && sameValues(before, values)) {
      counts.unchanged++;
      continue;
    }
    const row = { ...Object.fromEntries(productColumns.map((c, i) => [c, values[i]])), import_run_id: importRunId, line: product.line, updated_at: now };
    if (existing && before) {
      await tx.db.updateTable('products').set(row).where('id', '=', existing.id).execute();
      await tx.db.insertInto('record_changes').values({
        account_id: accountId, table_name: 'products', record_id: existing.id, import_run_id: importRunId, line: product.line,
        before: JSON.stringify(Object.fromEntries(productColumns.map((c, i) => [c, before[i]]))),
        after: JSON.stringify(Object.fromEntries(productColumns.map((c, i) => [c, values[i]]))), recorded_at: now,
      }).execute();
      counts.updated++;
    } else {
      await tx.db.insertInto('products').values({ ...row, account_id: accountId, sku: product.sku } as never).execute();
      counts.inserted++;
    }
  }
  return counts;
}

export async function countProducts(db: Kysely<Schema>, accountId: number): Promise<number> {
  const row = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}
