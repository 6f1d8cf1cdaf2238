/**
 * Monthly removal orders for the unsellable returns piling up in US fulfillment centers: cheap units
 * are disposed of, valuable ones (and the bad charger batch, wanted for the factory claim) come back
 * to the seller. Fees follow Amazon's 2026 per-unit removal table (reference §4.12).
 */
import type { DemoProduct, DemoWindow, FbaReturn, RemovalLine } from './demo-model.js';
import { DAY_MS, HOUR_MS, story } from './demo-scenario.js';
import { MIXED_ALNUM, type Random } from './prng.js';

/** Removal or disposal fee per unit in US cents, by shipping weight (standard size). */
export function removalFeePerUnit(weightGrams: number): number {
  const pounds = weightGrams / 453.6;
  if (pounds <= 0.5) return 84;
  if (pounds <= 1) return 153;
  if (pounds <= 2) return 227;
  return 289 + Math.ceil(pounds - 2) * 106;
}

function isSentBack(product: DemoProduct): boolean {
  return product.category === 'electronics' || product.sku === story.badBatch.sku || product.priceUsdMinor >= 4000;
}

function monthKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Unsellable units per month processed, then per SKU. */
function groupUnsellable(returns: readonly FbaReturn[], endMs: number): Map<string, Map<DemoProduct, number>> {
  const months = new Map<string, Map<DemoProduct, number>>();
  for (const item of returns) {
    if (item.processedAt === null || item.processedAt > endMs) continue;
    if (item.disposition !== 'CUSTOMER_DAMAGED' && item.disposition !== 'DEFECTIVE') continue;
    const key = monthKey(item.processedAt);
    const skus = months.get(key) ?? new Map<DemoProduct, number>();
    skus.set(item.line.product, (skus.get(item.line.product) ?? 0) + item.quantity);
    months.set(key, skus);
  }
  return months;
}

function removalLine(random: Random, product: DemoProduct, units: number, requestedAt: number, orderId: string, endMs: number): RemovalLine {
  const orderType = isSentBack(product) ? 'Return' : 'Disposal';
  const doneAt = requestedAt + random.int(7, 20) * DAY_MS + random.int(0, 86_399) * 1000;
  const completed = doneAt <= endMs;
  const cancelled = completed && units > 1 && random.chance(0.1) ? 1 : 0;
  const moved = completed ? units - cancelled : 0;
  return {
    requestedAt, orderId, orderType, product,
    status: completed ? 'Completed' : 'Pending',
    lastUpdatedAt: completed ? doneAt : requestedAt,
    requested: units,
    cancelled,
    disposed: orderType === 'Disposal' ? moved : 0,
    shipped: orderType === 'Return' ? moved : 0,
    inProcess: completed ? 0 : units,
    feeMinor: removalFeePerUnit(product.weightGrams) * (units - cancelled),
  };
}

/** Removal order lines requested on the 4th of each month for the previous month's unsellable units. */
export function simulateRemovals(random: Random, returns: readonly FbaReturn[], window: DemoWindow): RemovalLine[] {
  const lines: RemovalLine[] = [];
  for (const [key, skus] of groupUnsellable(returns, window.endMs)) {
    const [year, month] = key.split('-').map(Number) as [number, number];
    const requestedAt = Date.UTC(year, month, 4) + random.int(14, 20) * HOUR_MS + random.int(0, 3_599) * 1000;
    if (requestedAt > window.endMs) continue;
    const orderIds = { Return: random.chars(MIXED_ALNUM, 10), Disposal: random.chars(MIXED_ALNUM, 10) };
    for (const [product, units] of skus) {
      lines.push(removalLine(random, product, units, requestedAt, orderIds[isSentBack(product) ? 'Return' : 'Disposal'], window.endMs));
    }
  }
  return lines.sort((a, b) => a.requestedAt - b.requestedAt || (a.product.sku < b.product.sku ? -1 : 1));
}
