import type { ReturnedUnits, ShippedUnits } from './return-rates.js';
import { compareCodeUnits } from '../code-unit-order.js';

// Return rates by listing, product or category (issue 6): the rollups count per SKU; a rate per ASIN,
// product category or whole marketplace sums the SKUs that belong to it, returns included, before any
// rate is taken (a rate of sums, never an average of rates).

export const rateGroupings = ['sku', 'asin', 'category', 'marketplace'] as const;
export type RateGrouping = (typeof rateGroupings)[number];

/** The label of units that have no ASIN or no category. */
export const noAsin = '(no ASIN)';
export const noCategory = '(no category)';
export const allSkus = '(all SKUs)';

/**
 * The units relabelled so that `sku` holds the group: an ASIN (a SKU's returns go to the ASIN most of
 * its shipped units carry in that marketplace), a product category (`categoryOf`), or one group per
 * marketplace. By SKU they are returned as they are.
 */
export function groupUnits(shipped: readonly ShippedUnits[], returned: readonly ReturnedUnits[], by: RateGrouping, categoryOf: (sku: string) => string | null): { shipped: ShippedUnits[]; returned: ReturnedUnits[] } {
  if (by === 'sku') return { shipped: [...shipped], returned: [...returned] };
  const groupOf = by === 'asin' ? asinOfSku(shipped) : by === 'category' ? (_: string, sku: string) => categoryOf(sku) ?? noCategory : () => allSkus;
  return {
    shipped: shipped.map((s) => ({ ...s, sku: by === 'asin' ? s.asin || noAsin : groupOf(s.marketplaceCode, s.sku) })),
    returned: returned.map((r) => ({ ...r, sku: groupOf(r.marketplaceCode, r.sku) })),
  };
}

function asinOfSku(shipped: readonly ShippedUnits[]): (marketplaceCode: string, sku: string) => string {
  const units = new Map<string, Map<string, number>>();
  for (const s of shipped) {
    const key = `${s.marketplaceCode}\t${s.sku}`;
    const byAsin = units.get(key) ?? new Map<string, number>();
    byAsin.set(s.asin || noAsin, (byAsin.get(s.asin || noAsin) ?? 0) + s.units);
    units.set(key, byAsin);
  }
  const main = new Map([...units].map(([key, byAsin]) => [key, [...byAsin].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0]]));
  return (marketplaceCode, sku) => main.get(`${marketplaceCode}\t${sku}`) ?? noAsin;
}
