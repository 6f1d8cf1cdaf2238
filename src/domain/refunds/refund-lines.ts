import { DomainError } from '../errors.js';
import type { RefundCaps } from './refund-caps.js';
import type { RefundCase } from './refund-case.js';
import type { RefundQuoteInput } from './refund-input.js';
import { ruleText } from './refund-rules.js';
import type { RefundRuleId, RefundText } from './refund-rules.js';
import { restockingFeeMinor } from './restocking-fee.js';

export type RefundLineKind = 'item' | 'outbound_shipping' | 'restocking_fee' | 'return_shipping';

/** One line of a quote: refunds are positive, deductions negative, each rounded at most once. */
export interface RefundLine {
  readonly kind: RefundLineKind;
  readonly amountMinor: number;
  /** The rule that allowed the amount (docs/refunds.md). */
  readonly ruleId: RefundRuleId;
  /** Which rule allowed it, e.g. "… (restocking-fee-late-original-condition, cap 20%, §4.5)". */
  readonly text: RefundText;
  /** The cap applied (basis points), for fee and return-shipping lines; null where no cap applies. */
  readonly capBps: number | null;
  /** Where the cap comes from (the caps entry's source); null with `capBps`. */
  readonly capSource: string | null;
}

function line(kind: RefundLineKind, amountMinor: number, ruleId: RefundRuleId, cap: { bps: number; source: string } | null = null): RefundLine {
  // `0 - 0` would be -0; a quote never shows it.
  const amount = amountMinor === 0 ? 0 : amountMinor;
  return { kind, amountMinor: amount, ruleId, text: ruleText(ruleId, cap?.bps ?? null), capBps: cap?.bps ?? null, capSource: cap?.source ?? null };
}

/** `amount × part ÷ whole`, exactly, rounded half away from zero (amounts here are never negative). */
export function shareOf(amountMinor: number, part: number, whole: number): number {
  if (part === whole) return amountMinor;
  const product = BigInt(amountMinor) * BigInt(part);
  const divisor = BigInt(whole);
  return Number(product / divisor + (2n * (product % divisor) >= divisor ? 1n : 0n));
}

/**
 * What the buyer paid for the returned units' items: their share of the line's price, taken once, when
 * the line price is known (10.01 for 2 units is 5.005 each: a rounded unit price would refund 10.02);
 * else the unit price times the units.
 */
export function itemPaidMinorOf(input: RefundQuoteInput): number {
  return input.linePricePaidMinor === undefined
    ? input.unitPricePaidMinor * input.quantityReturned
    : shareOf(input.linePricePaidMinor, input.quantityReturned, input.quantityOrdered);
}

/** The item line: the price of the returned units, or 0 when the seller's item did not come back. */
export function itemLine(input: RefundQuoteInput, refundCase: RefundCase): RefundLine {
  const price = itemPaidMinorOf(input);
  if (refundCase.fullRefund) return line('item', price, refundCase.fullRefund);
  return refundCase.itemReturned ? line('item', price, 'item-refund') : line('item', 0, 'item-not-returned-file-claim');
}

/** The outbound shipping of the returned units (their share of the line's, rounded once). */
export function outboundLine(input: RefundQuoteInput, refundCase: RefundCase): RefundLine {
  const share = shareOf(input.outboundShippingPaidMinor, input.quantityReturned, input.quantityOrdered);
  if (refundCase.fullRefund) return line('outbound_shipping', share, refundCase.fullRefund);
  return input.refundOutboundShipping ? line('outbound_shipping', share, 'outbound-shipping-refunded') : line('outbound_shipping', 0, 'outbound-shipping-not-refunded');
}

/** The restocking fee deduction, charged on the item line only. */
export function feeLine(input: RefundQuoteInput, refundCase: RefundCase, itemMinor: number, caps: RefundCaps): RefundLine {
  const fee = restockingFeeMinor(input, refundCase, itemMinor, caps);
  return line('restocking_fee', -fee, refundCase.feeRuleId, { bps: refundCase.feeCapBps, source: caps.source });
}

function refusedDeduction(why: string, ruleId: RefundRuleId): DomainError {
  return new DomainError('invalid_input', `The return label cannot be deducted: ${why} (${ruleId}). Set deduct to false.`, { ruleId });
}

/** The return label deduction: only on a buyer-side return the settings allow, never below a zero refund. */
export function returnShippingLine(input: RefundQuoteInput, refundCase: RefundCase, remainingMinor: number, caps: RefundCaps): RefundLine {
  const shipping = input.returnShipping;
  const sellerSide = { bps: caps.sellerFaultBps, source: caps.source };
  if (refundCase.fullRefund) {
    if (shipping?.deduct) throw refusedDeduction('a seller-side fault or defective unit gets a full refund including shipping (§4.5, §1.3)', refundCase.fullRefund);
    return line('return_shipping', 0, refundCase.fullRefund, sellerSide);
  }
  if (shipping?.deductionForbiddenBy) {
    const ruleId = shipping.deductionForbiddenBy === 'free_returns' ? 'return-shipping-forbidden-free-returns' : 'return-shipping-forbidden-aprl-in-policy';
    if (shipping.deduct) throw refusedDeduction(`the seller's return settings forbid it on this return (§4.2: ${shipping.deductionForbiddenBy})`, ruleId);
    return line('return_shipping', 0, ruleId);
  }
  if (!shipping?.deduct || shipping.labelCost.amountMinor === 0) return line('return_shipping', 0, 'return-shipping-not-deducted');
  const deduction = Math.min(shipping.labelCost.amountMinor, remainingMinor);
  return line('return_shipping', -deduction, deduction < shipping.labelCost.amountMinor ? 'return-shipping-deduction-limited' : 'return-shipping-deducted');
}
