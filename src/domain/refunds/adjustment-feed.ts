// Amazon has no API to refund in Manage Returns (reference §3.4), but refunds can be pushed as an order
// adjustment feed. This writes that feed's flat file from refund quotes; uploading it is the caller's job.
import { DomainError } from '../errors.js';
import { currencyExponent } from '../money.js';
import type { RefundQuote } from './refund-quote.js';

/** The columns of `POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA`, in Amazon's order (reference §3.4). */
export const adjustmentFeedColumns = [
  'order-id', 'order-item-id', 'adjustment-reason-code', 'currency', 'item-price-adj', 'item-tax-adj',
  'shipping-price-adj', 'shipping-tax-adj', 'gift-wrap-price-adj', 'gift-wrap-tax-adj', 'item-promotion-adj',
  'item-promotion-id', 'ship-promotion-adj', 'ship-promotion-id', 'quantity-cancelled',
] as const;

/**
 * Reason codes third-party integrations list for the feed. UNCONFIRMED: the reference found no Amazon
 * page listing the allowed values (§3.4); a return uses `CustomerReturn`.
 */
export const adjustmentReasonCodes = [
  'NoInventory', 'CustomerReturn', 'GeneralAdjustment', 'CouldNotShip', 'DifferentItem', 'Abandoned', 'CustomerCancel', 'PriceError',
] as const;
export type AdjustmentReasonCode = (typeof adjustmentReasonCodes)[number];

/** One returned order line to refund through the feed. */
export interface AdjustmentFeedEntry {
  /** Amazon order id, e.g. `112-1234567-1234567`. */
  readonly orderId: string;
  /** Amazon's `order-item-id`: the MFN returns report carries it; null or missing is refused. */
  readonly orderItemId?: string | null;
  /** ISO 4217 code of the order; must be the quote's. */
  readonly currency: string;
  readonly quote: RefundQuote;
  /** Defaults to `CustomerReturn`. */
  readonly reasonCode?: AdjustmentReasonCode;
}

/** What the feed refunds for one line, in minor units, both ≥ 0 and summing to the quote's total. */
export interface AdjustmentAmounts {
  readonly itemMinor: number;
  readonly shippingMinor: number;
}

function amountOf(quote: RefundQuote, kind: string): number {
  return quote.lines.find((l) => l.kind === kind)?.amountMinor ?? 0;
}

/**
 * Splits a quote into the feed's item and shipping refunds. The feed has no fee column, so the restocking
 * fee and the return label deduction come off the item refund: item-price-adj is what the buyer gets back
 * for the item. A label deduction larger than what is left of the item (the quote limits it by the whole
 * refund, outbound shipping included) takes the rest off the shipping refund, so neither cell goes negative.
 */
export function adjustmentAmounts(quote: RefundQuote): AdjustmentAmounts {
  const itemNet = amountOf(quote, 'item') + amountOf(quote, 'restocking_fee') + amountOf(quote, 'return_shipping');
  const outbound = amountOf(quote, 'outbound_shipping');
  return { itemMinor: Math.max(itemNet, 0), shippingMinor: outbound + Math.min(itemNet, 0) };
}

/**
 * Minor units as plain decimal text with the currency's decimals (`8000` USD → `80.00`, `-1250` →
 * `-12.50`, JPY → `8000`): no grouping, no float.
 */
export function feedDecimal(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const sign = amountMinor < 0 ? '-' : '';
  return exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const breaks = /[\t\r\n]/;

function invalid(orderId: string, message: string, details: Record<string, unknown> = {}): DomainError {
  // An order id with a tab or line break is shown quoted, so the message stays on one line.
  const shown = breaks.test(orderId) ? JSON.stringify(orderId) : orderId;
  return new DomainError('invalid_input', `Order ${shown}: ${message}`, { orderId, ...details });
}

// A tab or line break inside a cell would shift every later column or split the row in Amazon's parser.
function requireCell(orderId: string, value: string, column: string): string {
  if (breaks.test(value)) throw invalid(orderId, `the ${column} ${JSON.stringify(value)} contains a tab or line break; remove it before writing the feed.`, { column });
  return value;
}

function requireEntry(entry: AdjustmentFeedEntry): string {
  const { orderId, orderItemId, currency, quote } = entry;
  requireCell(orderId, orderId, 'order-id');
  if (orderId.trim() === '') throw new DomainError('invalid_input', 'An adjustment needs the Amazon order id; it is empty.', {});
  if (!orderItemId || orderItemId.trim() === '') {
    throw invalid(orderId, 'the order-item-id is missing. Import the MFN returns report (it carries order-item-id) before writing the adjustment feed.');
  }
  if (currency !== quote.currency) throw invalid(orderId, `the entry is in ${currency} but the quote is in ${quote.currency}: quote the refund in the order's currency.`);
  if (quote.totalMinor <= 0) throw invalid(orderId, 'the refund is zero: there is nothing to adjust; leave the order out of the feed.');
  const reason = entry.reasonCode ?? 'CustomerReturn';
  if (!(adjustmentReasonCodes as readonly string[]).includes(reason)) throw invalid(orderId, `unknown adjustment reason code "${reason}": use one of ${adjustmentReasonCodes.join(', ')}.`);
  return requireCell(orderId, orderItemId, 'order-item-id');
}

/**
 * One feed row (cells joined by tabs, no line end) refunding a returned line. Refunds are written as
 * positive amounts, as Amazon's template asks for the refunded amount. Taxes are left blank: ReturnDesk
 * does not model tax, and Amazon computes tax on refunds of marketplace-facilitator orders (the seller's
 * to check). Throws `invalid_input` naming the order for a missing order-item-id, a zero refund, a cell
 * with a tab or line break, a currency mismatch or an unknown reason code.
 */
export function adjustmentFeedRow(entry: AdjustmentFeedEntry): string {
  const orderItemId = requireEntry(entry);
  const { itemMinor, shippingMinor } = adjustmentAmounts(entry.quote);
  const cells = [entry.orderId, orderItemId, entry.reasonCode ?? 'CustomerReturn', entry.currency,
    feedDecimal(itemMinor, entry.currency), '', feedDecimal(shippingMinor, entry.currency), '', '', '', '', '', '', '', ''];
  return cells.join('\t');
}

/**
 * The whole flat file: the header line, then one row per entry, every line ending in `\n` (UTF-8 text).
 * Refuses an empty batch and two entries for the same order item: Amazon applies every row, so a
 * duplicate would refund the buyer twice.
 */
export function adjustmentFeedText(entries: readonly AdjustmentFeedEntry[]): string {
  if (entries.length === 0) throw new DomainError('invalid_input', 'The adjustment feed has no entries: there is nothing to adjust.', {});
  const seen = new Set<string>();
  const rows = entries.map((entry) => {
    const row = adjustmentFeedRow(entry);
    const key = `${entry.orderId}\t${entry.orderItemId}`;
    if (seen.has(key)) throw invalid(entry.orderId, `order item ${entry.orderItemId} appears twice; Amazon applies every row, so it would be refunded twice. Keep one entry per order item.`);
    seen.add(key);
    return row;
  });
  return [adjustmentFeedColumns.join('\t'), ...rows].map((line) => `${line}\n`).join('');
}
