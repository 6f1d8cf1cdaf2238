import type { ClaimsPolicy } from './claims-policy.js';
import { codeOf, extremeInstant, idOf, instantOf, shareOf, sumOf } from './claim-math.js';
import type { ProofRow } from './claim.js';
import { orderLineProof, refundProof } from './proof-rows.js';
import type { FbaReturnFact, OrderFacts, OrderLineFact } from './reconcile-facts.js';
import { netReimbursements } from './reimbursements.js';
import type { NetReimbursement } from './reimbursements.js';
import { refundAdjustments } from './refunds.js';
import type { RefundAdjustment } from './refunds.js';

// One FBA order line (order + SKU) with everything the four FBA finders weigh, gathered once.

/** An FBA order line with its unit refunds, returns and reimbursements. */
export interface FbaLine {
  readonly facts: OrderFacts;
  readonly sku: string;
  readonly orderLine: OrderLineFact | null;
  /** Refund adjustments that refunded units (oldest first). */
  readonly refunds: readonly RefundAdjustment[];
  /** FBA return rows, one per return (license plate; blank plates by SKU, FNSKU, disposition, quantity, date), oldest first. */
  readonly returns: readonly FbaReturnFact[];
  readonly reimbursements: readonly NetReimbursement[];
}

/** What a unit is worth for a claim, and the rows that say so. */
export interface UnitValue {
  readonly totalMinor: number;
  readonly units: number;
  /** "refunded principal" or "order item price", for the computation sentence. */
  readonly basis: string;
  readonly proof: readonly ProofRow[];
}

/**
 * The order's FBA lines. A SKU is FBA when its All Orders line says `Amazon` fulfilled it; with no
 * channel on record, when FBA returns or reimbursements exist for it and no MFN return does. A line
 * known to be `Merchant` fulfilled, or with nothing showing FBA, yields nothing: MFN refunds never
 * come back to a fulfilment centre, so claiming them would be false.
 */
export function fbaLinesOf(facts: OrderFacts, policy: ClaimsPolicy, adjustments: readonly RefundAdjustment[] = refundAdjustments(facts)): FbaLine[] {
  const { orderId } = facts;
  const returns = dedupeReturns(facts.fbaReturns.filter((row) => row.orderId === orderId));
  const reimbursements = netReimbursements(facts.reimbursements.filter((row) => row.orderId === orderId));
  // Everything per SKU in one pass each, in input order (as filtering each list per SKU would give).
  const bySku = new Map<string, Gathered>();
  for (const a of adjustments) gathered(bySku, a.sku).adjustments.push(a);
  for (const r of returns) gathered(bySku, r.sku.trim()).returns.push(r);
  for (const r of reimbursements) gathered(bySku, r.original.sku.trim()).reimbursements.push(r);
  for (const line of facts.orderLines) {
    if (line.orderId !== orderId) continue;
    const one = gathered(bySku, line.sku.trim());
    if (one.orderLine === null) one.orderLine = line;
  }
  let mfnSkus: Set<string> | undefined;
  const lines: FbaLine[] = [];
  for (const sku of [...bySku.keys()].sort()) {
    const { orderLine, ...one } = bySku.get(sku)!;
    if (!isFbaChannel(orderLine)) {
      if (codeOf(orderLine?.fulfillmentChannel) !== '' || (one.returns.length === 0 && one.reimbursements.length === 0)) continue;
      mfnSkus ??= new Set(facts.mfnReturns.map((row) => row.sku.trim()));
      if (mfnSkus.has(sku)) continue;
    }
    lines.push({
      facts, sku, orderLine,
      refunds: one.adjustments.filter((a) => refundsAUnit(a, orderLine, facts.currency, policy)),
      returns: one.returns,
      reimbursements: one.reimbursements,
    });
  }
  return lines;
}

/** What fbaLinesOf gathers for one SKU before it knows whether the SKU is FBA. */
interface Gathered {
  orderLine: OrderLineFact | null;
  readonly adjustments: RefundAdjustment[];
  readonly returns: FbaReturnFact[];
  readonly reimbursements: NetReimbursement[];
}

function gathered(bySku: Map<string, Gathered>, sku: string): Gathered {
  let one = bySku.get(sku);
  if (!one) {
    one = { orderLine: null, adjustments: [], returns: [], reimbursements: [] };
    bySku.set(sku, one);
  }
  return one;
}

function isFbaChannel(orderLine: OrderLineFact | null): boolean {
  const channel = codeOf(orderLine?.fulfillmentChannel);
  return channel === 'amazon' || channel === 'afn';
}

/**
 * FBA return rows once per return, oldest first. A return with a license plate counts once per plate
 * (the same return shows up with different dates across pulls, §2.1). Rows with a blank plate are the
 * same return when SKU, FNSKU, detailed disposition, quantity and return date (instant) all match: the
 * report has nothing else to tell them apart, and the same row pulled twice must not count twice.
 */
export function dedupeReturns(rows: readonly FbaReturnFact[]): FbaReturnFact[] {
  const byReturn = new Map<string, FbaReturnFact>();
  for (const row of rows) {
    const plate = idOf(row.licensePlate);
    const sku = row.sku.trim();
    // Length-prefixed texts keep the keys unambiguous; codes are [a-z0-9] only.
    const key = plate === null
      ? `b${sku.length}:${sku}|${codeOf(row.fnsku)}|${codeOf(row.detailedDisposition)}|${row.quantity}|${instantOf(row.returnedAt)}`
      : `p${sku.length}:${sku}|${plate}`;
    if (!byReturn.has(key)) byReturn.set(key, row);
  }
  if (byReturn.size < 2) return [...byReturn.values()];
  return [...byReturn.values()].map((row) => ({ row, returnedMs: instantOf(row.returnedAt) }))
    .sort((a, b) => a.returnedMs - b.returnedMs || a.row.licensePlate.localeCompare(b.row.licensePlate)).map((kept) => kept.row);
}

// A refund far below the price is a concession (partial refund), not a unit refund: no unit was due back.
function refundsAUnit(adjustment: RefundAdjustment, orderLine: OrderLineFact | null, currency: string, policy: ClaimsPolicy): boolean {
  const price = orderPrice(orderLine, currency);
  if (price === null) return true;
  const priceOfUnits = shareOf(price.totalMinor, adjustment.units, price.units);
  return adjustment.principalMinor * 10_000 >= priceOfUnits * policy.unitRefundMinShareBps;
}

function orderPrice(orderLine: OrderLineFact | null, currency: string): { totalMinor: number; units: number } | null {
  if (!orderLine || orderLine.itemPriceMinor === null || orderLine.itemPriceMinor <= 0 || orderLine.quantity < 1) return null;
  // An All Orders row of this marketplace without a currency is in the marketplace's currency.
  if (orderLine.currency !== null && orderLine.currency !== currency) return null;
  return { totalMinor: orderLine.itemPriceMinor, units: orderLine.quantity };
}

/** The refunded item price over the refunded units of the line; null when nothing refunded a unit. */
export function refundValue(line: FbaLine): UnitValue | null {
  const units = sumOf(line.refunds.map((a) => a.units));
  if (units < 1) return null;
  return { totalMinor: sumOf(line.refunds.map((a) => a.principalMinor)), units, basis: 'refunded principal', proof: line.refunds.flatMap((a) => a.rows.map(refundProof)) };
}

/** The order line's item price over its quantity, in the order's currency; null when unknown. */
export function orderValue(line: FbaLine): UnitValue | null {
  const price = orderPrice(line.orderLine, line.facts.currency);
  if (!price || !line.orderLine) return null;
  return { ...price, basis: 'order item price', proof: [orderLineProof(line.orderLine, line.facts.currency)] };
}

/**
 * Units the line can owe at most: the order line's quantity, else (no order line on record) the units
 * its refunds refunded. No FBA claim kind, nor all of them together, asks for more.
 */
export function orderedUnits(line: FbaLine): number {
  return line.orderLine && line.orderLine.quantity >= 1 ? line.orderLine.quantity : sumOf(line.refunds.map((a) => a.units));
}

/** Units still reimbursed on the line, net of reversals, any currency (a unit paid for is settled whatever the money). */
export function reimbursedUnits(line: FbaLine): number {
  return sumOf(line.reimbursements.map((r) => r.units));
}

/**
 * The instant the line's FBA claim windows count from: its earliest refund (the window is "after the
 * refund", §4.9; the earliest gives the earliest closing, so no deadline is missed), else `fallbackIso`.
 */
export function refundStart(line: FbaLine, fallbackIso: string): string {
  return extremeInstant(line.refunds.map((a) => a.postedAt), -1) ?? fallbackIso;
}
