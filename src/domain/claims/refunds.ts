import { codeOf, idOf, instantOf } from './claim-math.js';
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
  if (rows.length < 2) return [...rows];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  return rows.filter((row) => {
    // Length-prefixed texts keep the keys unambiguous; codes are [a-z0-9] only, the amount a number.
    const identity = `${keyPart(row.adjustmentId.trim())}${keyPart(row.orderItemCode.trim())}${keyPart(row.merchantAdjustmentItemId.trim())}${codeOf(row.amountType)}|${codeOf(row.amountDescription)}|${row.amountMinor}|`;
    const inSettlement = identity + row.settlementId.trim();
    const occurrence = occurrences.get(inSettlement) ?? 0;
    occurrences.set(inSettlement, occurrence + 1);
    const key = identity + occurrence;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function keyPart(text: string): string {
  return `${text.length}:${text}|`;
}

/**
 * Amount types and descriptions, exactly as Amazon's settlement files write them, that are never the
 * item price: a reader may leave such rows out before they get here (isPrincipal rejects each of them,
 * refunds.test.ts). Any other spelling is still read and judged by isPrincipal. Most refund rows are
 * these: skipping them in the query took 60% of the settlement rows out of npm run bench:reconcile.
 */
export const neverItemPrice = {
  amountTypes: ['ItemFees', 'Promotion', 'ItemWithheldTax', 'ShipmentFees', 'OtherTransaction'],
  amountDescriptions: [
    'Tax', 'Shipping', 'ShippingTax', 'Commission', 'RefundCommission', 'ShippingChargeback', 'Goodwill', 'RestockingFee',
    'GiftWrap', 'GiftWrapTax', 'GiftWrapChargeback', 'VariableClosingFee', 'FixedClosingFee', 'SalesTaxCollectionFee',
    'DigitalServicesFee', 'MarketplaceFacilitatorTax-Principal', 'MarketplaceFacilitatorTax-Shipping',
  ],
} as const;

/** Whether a settlement row is the item price itself (`ItemPrice` / `Principal`), the only amount that values a unit. */
export function isPrincipal(row: SettlementRefundFact): boolean {
  if (row.amountType === 'ItemPrice' && row.amountDescription === 'Principal') return true;
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
  if (facts.refunds.length === 0) return [];
  const groups = new Map<string, SettlementRefundFact[]>();
  // Only principal rows are kept below; a row's repeats share its amount type and description (they
  // are part of its identity), so dropping the other rows first keeps exactly the same principal rows.
  for (const row of dedupeRefundRows(facts.refunds.filter(isPrincipal))) {
    const sku = idOf(row.sku);
    if (sku === null || row.currency !== facts.currency || row.orderId !== facts.orderId) continue;
    const key = keyPart(row.adjustmentId.trim()) + sku;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const adjustments: { adjustment: RefundAdjustment; postedMs: number }[] = [];
  for (const rows of groups.values()) {
    const posted = toAdjustment(rows, orderedLine(facts, idOf(rows[0]!.sku)!));
    if (posted.adjustment.principalMinor > 0 && posted.adjustment.units > 0) adjustments.push(posted);
  }
  return adjustments.sort((a, b) => a.postedMs - b.postedMs || a.adjustment.adjustmentId.localeCompare(b.adjustment.adjustmentId) || a.adjustment.sku.localeCompare(b.adjustment.sku))
    .map((posted) => posted.adjustment);
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

function toAdjustment(rows: readonly SettlementRefundFact[], ordered: OrderedLine | null): { adjustment: RefundAdjustment; postedMs: number } {
  const first = rows[0]!;
  let principalMinor = 0;
  let givenUnits = 0;
  let given = false;
  let postedAt = first.postedAt;
  let postedMs = instantOf(first.postedAt);
  for (const row of rows) {
    principalMinor -= row.amountMinor;
    if (row.quantity !== null) {
      given = true;
      givenUnits += row.quantity;
    }
    const at = instantOf(row.postedAt);
    if (at > postedMs) {
      postedMs = at;
      postedAt = row.postedAt;
    }
  }
  const units = given ? Math.max(0, givenUnits) : inferredUnits(principalMinor, ordered);
  return { adjustment: { adjustmentId: first.adjustmentId.trim(), sku: idOf(first.sku)!, units, principalMinor, postedAt, rows }, postedMs };
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
