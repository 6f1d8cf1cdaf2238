import { codeOf, idOf, instantOf, sumOf } from './claim-math.js';
import type { OrderFacts, SettlementRefundFact } from './reconcile-facts.js';

// Settlement refunds as refunded units (reference §2.6): one Refund adjustment per refund, one row per
// amount type. Only the item price (ItemPrice/Principal) is the unit's value: shipping, fees and
// promotions move with it but say nothing about a unit.

/** One refund adjustment's item-price refund for one SKU, after dropping rows seen in two settlement files. */
export interface RefundAdjustment {
  readonly adjustmentId: string;
  readonly sku: string;
  /** Units refunded: the rows' `quantity` when given, else 1 (one refund adjustment refunds one unit of a SKU). */
  readonly units: number;
  /** Item price refunded, positive minor units of the order's currency (the settlement writes it negative). */
  readonly principalMinor: number;
  /** When the refund posted (the latest of its principal rows): the FBA claim window counts from it (§4.9). */
  readonly postedAt: string;
  /** The principal rows kept, the proof of the refund. */
  readonly rows: readonly SettlementRefundFact[];
}

/**
 * Drops repeats of one refund row: the same refund can appear in two settlement files under two
 * settlement ids, so identity is adjustment id + order item code + merchant adjustment item id +
 * amount type + description, never the settlement id. Keeps the first occurrence, in input order.
 */
export function dedupeRefundRows(rows: readonly SettlementRefundFact[]): SettlementRefundFact[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify([row.adjustmentId.trim(), row.orderItemCode.trim(), row.merchantAdjustmentItemId.trim(), codeOf(row.amountType), codeOf(row.amountDescription)]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a settlement row is the item price itself (`ItemPrice` / `Principal`), the only amount that values a unit. */
export function isPrincipal(row: SettlementRefundFact): boolean {
  return codeOf(row.amountType) === 'itemprice' && codeOf(row.amountDescription) === 'principal';
}

/**
 * The order's item-price refunds per adjustment and SKU, oldest first (ties by adjustment id).
 * Left out, never guessed: rows in another currency than the order's marketplace (never mixed; such a
 * row belongs to another marketplace's books), rows without a SKU, and adjustments whose principal nets
 * to 0 or less (a refund for a replacement order or a shipping-only refund refunds no unit).
 * A given `quantity` of 0 or less also refunds no unit (a price adjustment, not a unit).
 */
export function refundAdjustments(facts: OrderFacts): RefundAdjustment[] {
  const groups = new Map<string, SettlementRefundFact[]>();
  for (const row of dedupeRefundRows(facts.refunds)) {
    const sku = idOf(row.sku);
    if (sku === null || row.currency !== facts.currency || !isPrincipal(row) || row.orderId !== facts.orderId) continue;
    const key = JSON.stringify([row.adjustmentId.trim(), sku]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const adjustments = [...groups.values()].map(toAdjustment).filter((adjustment) => adjustment.principalMinor > 0 && adjustment.units > 0);
  return adjustments.sort((a, b) => instantOf(a.postedAt) - instantOf(b.postedAt) || a.adjustmentId.localeCompare(b.adjustmentId) || a.sku.localeCompare(b.sku));
}

function toAdjustment(rows: readonly SettlementRefundFact[]): RefundAdjustment {
  const first = rows[0]!;
  const given = rows.filter((row) => row.quantity !== null);
  const units = given.length === 0 ? 1 : Math.max(0, sumOf(given.map((row) => row.quantity ?? 0)));
  const postedAt = rows.reduce((latest, row) => (instantOf(row.postedAt) > instantOf(latest) ? row.postedAt : latest), first.postedAt);
  return { adjustmentId: first.adjustmentId.trim(), sku: idOf(first.sku)!, units, principalMinor: -sumOf(rows.map((row) => row.amountMinor)), postedAt, rows };
}
