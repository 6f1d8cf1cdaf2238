/** The seller's product sheet: `sku,asin,fnsku,title,category,price,unit_cost,currency,weight_g,accessories`. */
import { formatAmount } from './demo-format.js';
import type { DemoProduct } from './demo-model.js';

export const productSheetColumns = ['sku', 'asin', 'fnsku', 'title', 'category', 'price', 'unit_cost', 'currency', 'weight_g', 'accessories'] as const;

function quoteCsv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The sheet as CSV text (US prices and costs in USD), one line per SKU. */
export function renderProductSheet(products: readonly DemoProduct[]): string {
  const rows = products.map((p) => [
    p.sku, p.asin, p.fnsku, p.titles.en, p.category, formatAmount(p.priceUsdMinor, 'USD', '.'),
    formatAmount(p.unitCostUsdMinor, 'USD', '.'), 'USD', String(p.weightGrams), p.accessories.join(';'),
  ]);
  return [[...productSheetColumns], ...rows].map((cells) => cells.map(quoteCsv).join(',') + '\n').join('');
}
