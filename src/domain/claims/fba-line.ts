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
export function fbaLinesOf(facts: OrderFacts, policy: ClaimsPolicy): FbaLine[] {
  const adjustments = refundAdjustments(facts);
  const returns = dedupeReturns(facts.fbaReturns.filter((row) => row.orderId === facts.orderId));
  const reimbursements = netReimbursements(facts.reimbursements.filter((row) => row.orderId === facts.orderId));
  const skus = new Set([...adjustments.map((a) => a.sku), ...returns.map((r) => r.sku.trim()), ...reimbursements.map((r) => r.original.sku.trim()),
    ...facts.orderLines.filter((line) => line.orderId === facts.orderId).map((line) => line.sku.trim())]);
  const lines: FbaLine[] = [];
  for (const sku of [...skus].sort()) {
    const orderLine = facts.orderLines.find((line) => line.orderId === facts.orderId && line.sku.trim() === sku) ?? null;
    const line: FbaLine = {
      facts, sku, orderLine,
      refunds: adjustments.filter((a) => a.sku === sku && refundsAUnit(a, orderLine, facts.currency, policy)),
      returns: returns.filter((r) => r.sku.trim() === sku),
      reimbursements: reimbursements.filter((r) => r.original.sku.trim() === sku),
    };
    if (isFba(line)) lines.push(line);
  }
  return lines;
}

function isFba(line: FbaLine): boolean {
  const channel = codeOf(line.orderLine?.fulfillmentChannel);
  if (channel === 'amazon' || channel === 'afn') return true;
  if (channel !== '') return false;
  const mfn = line.facts.mfnReturns.some((row) => row.sku.trim() === line.sku);
  return !mfn && (line.returns.length > 0 || line.reimbursements.length > 0);
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
    const key = plate === null
      ? JSON.stringify(['blank', row.sku.trim(), codeOf(row.fnsku), codeOf(row.detailedDisposition), row.quantity, instantOf(row.returnedAt)])
      : JSON.stringify(['plate', row.sku.trim(), plate]);
    if (!byReturn.has(key)) byReturn.set(key, row);
  }
  return [...byReturn.values()].sort((a, b) => instantOf(a.returnedAt) - instantOf(b.returnedAt) || a.licensePlate.localeCompare(b.licensePlate));
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
