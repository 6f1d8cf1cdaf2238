import { codeOf, idOf, instantOf, sumOf } from './claim-math.js';
import type { OrderFacts, SettlementRefundFact } from './reconcile-facts.js';
import { roundHalfAwayFromZero } from '../money.js';

// Settlement refunds as refunded units (reference §2.6): one Refund adjustment per refund, one row per
// amount type. Only the item price (ItemPrice/Principal) is the unit's value: shipping, fees and
// promotions move with it but say nothing about a unit.

/** One refund adjustment's item-price refund for one SKU, after dropping rows seen in two settlement files. */
export interface RefundAdjustment {
  readonly adjustmentId: string;
  readonly sku: string;
  /**
   * Units refunded: the rows' `quantity` when given, else inferred from the amount: principal / unit
   * price paid (order line item price / quantity), rounded, at least 1, at most the ordered quantity;
   * 1 when the order line price is unknown.
   */
  readonly units: number;
  /** Item price refunded, positive minor units of the order's currency (the settlement writes it negative). */
  readonly principalMinor: number;
  /** When the refund posted (the latest of its principal rows): the FBA claim window counts from it (§4.9). */
  readonly postedAt: string;
  /** The principal rows kept, the proof of the refund. */
  readonly rows: readonly SettlementRefundFact[];
}

/**
 * Drops repeats of one refund row. The same refund can appear in two settlement files under two
 * settlement ids: rows of DIFFERENT settlement ids with the same adjustment id + order item code +
 * merchant adjustment item id + amount type + description + amount are one row. Within one settlement,
 * identical rows are distinct refund rows (the importer keeps them apart as separate occurrences):
 * the n-th occurrence in one settlement is the same row as the n-th occurrence in another. Keeps the
 * first of each, in input order.
 */
export function dedupeRefundRows(rows: readonly SettlementRefundFact[]): SettlementRefundFact[] {
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  return rows.filter((row) => {
    const identity = JSON.stringify([row.adjustmentId.trim(), row.orderItemCode.trim(), row.merchantAdjustmentItemId.trim(), codeOf(row.amountType), codeOf(row.amountDescription), row.amountMinor]);
    const inSettlement = JSON.stringify([identity, row.settlementId.trim()]);
    const occurrence = occurrences.get(inSettlement) ?? 0;
    occurrences.set(inSettlement, occurrence + 1);
    const key = JSON.stringify([identity, occurrence]);
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
  const adjustments = [...groups.values()].map((rows) => toAdjustment(rows, orderedLine(facts, idOf(rows[0]!.sku)!)))
    .filter((adjustment) => adjustment.principalMinor > 0 && adjustment.units > 0);
  return adjustments.sort((a, b) => instantOf(a.postedAt) - instantOf(b.postedAt) || a.adjustmentId.localeCompare(b.adjustmentId) || a.sku.localeCompare(b.sku));
}

/** The order line's quantity and, when known in the order's currency, its item price (all units). */
interface OrderedLine { readonly quantity: number; readonly itemPriceMinor: number | null }

function orderedLine(facts: OrderFacts, sku: string): OrderedLine | null {
  const line = facts.orderLines.find((row) => row.orderId === facts.orderId && row.sku.trim() === sku && row.quantity >= 1);
  if (!line) return null;
  // An All Orders row of this marketplace without a currency is in the marketplace's currency.
  const priced = line.itemPriceMinor !== null && line.itemPriceMinor > 0 && (line.currency === null || line.currency === facts.currency);
  return { quantity: line.quantity, itemPriceMinor: priced ? line.itemPriceMinor : null };
}

function toAdjustment(rows: readonly SettlementRefundFact[], ordered: OrderedLine | null): RefundAdjustment {
  const first = rows[0]!;
  const principalMinor = -sumOf(rows.map((row) => row.amountMinor));
  const given = rows.filter((row) => row.quantity !== null);
  const units = given.length === 0 ? inferredUnits(principalMinor, ordered) : Math.max(0, sumOf(given.map((row) => row.quantity ?? 0)));
  const postedAt = rows.reduce((latest, row) => (instantOf(row.postedAt) > instantOf(latest) ? row.postedAt : latest), first.postedAt);
  return { adjustmentId: first.adjustmentId.trim(), sku: idOf(first.sku)!, units, principalMinor, postedAt, rows };
}

/**
 * Units of a refund whose rows give no quantity: the principal over the unit price paid (the order
 * line's item price / quantity), rounded to the nearest unit, at least 1 and at most the ordered
 * quantity. 1 when the order line or its price (in the order's currency) is unknown.
 */
function inferredUnits(principalMinor: number, ordered: OrderedLine | null): number {
  if (!ordered || ordered.itemPriceMinor === null) return 1;
  const units = roundHalfAwayFromZero((Math.abs(principalMinor) * ordered.quantity) / ordered.itemPriceMinor);
  return Math.min(ordered.quantity, Math.max(1, units));
}
