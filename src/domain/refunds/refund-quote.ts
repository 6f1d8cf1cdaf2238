import type { RefundCaps } from './refund-caps.js';
import { refundCapsAt } from './refund-caps.js';
import { refundCaseOf } from './refund-case.js';
import { validateRefundInput } from './refund-input.js';
import type { RefundQuoteInput } from './refund-input.js';
import { feeLine, itemLine, itemPaidMinorOf, outboundLine, returnShippingLine, shareOf } from './refund-lines.js';
import type { RefundLine } from './refund-lines.js';
import type { RefundRuleId } from './refund-rules.js';

/** What the seller refunds for one returned line, and why each amount is allowed. */
export interface RefundQuote {
  readonly currency: string;
  /** Item, outbound shipping, restocking fee, return shipping: in that order, always all four. */
  readonly lines: readonly RefundLine[];
  /** The refund: the sum of the lines, from 0 to `paidMinor`. */
  readonly totalMinor: number;
  /** What the buyer paid for the returned units: item price plus their share of outbound shipping. */
  readonly paidMinor: number;
  /** The rules that fired, each once, in line order. */
  readonly ruleIds: readonly RefundRuleId[];
  /** `effectiveFrom` of the caps entry applied. */
  readonly capsEffectiveFrom: string;
}

/**
 * Quotes the refund of a returned line under Amazon's rules (reference §4.5, §4.2, §1.3) and the caps
 * in force on `atIso` (the day the refund is issued). A seller-side fault gets everything back with no
 * fee or deduction; otherwise the seller's requested fee is checked against the cap of the case and the
 * return label is deducted only where the settings allow it. Invalid input, a fee above its cap or one
 * the case forbids, and no caps in force are `invalid_input` DomainErrors.
 */
export function quoteRefund(input: RefundQuoteInput, caps: readonly RefundCaps[], atIso: string): RefundQuote {
  validateRefundInput(input);
  const inForce = refundCapsAt(caps, atIso);
  const refundCase = refundCaseOf(input, inForce);
  const item = itemLine(input, refundCase);
  const outbound = outboundLine(input, refundCase);
  const fee = feeLine(input, refundCase, item.amountMinor, inForce);
  const remaining = item.amountMinor + outbound.amountMinor + fee.amountMinor;
  const shipping = returnShippingLine(input, refundCase, remaining, inForce);
  const lines = [item, outbound, fee, shipping];
  return {
    currency: input.currency,
    lines,
    totalMinor: remaining + shipping.amountMinor,
    paidMinor: paidMinorOf(input),
    ruleIds: [...new Set(lines.map((l) => l.ruleId))],
    capsEffectiveFrom: inForce.effectiveFrom,
  };
}

/** What the buyer paid for the returned units of a validated input. */
export function paidMinorOf(input: RefundQuoteInput): number {
  return itemPaidMinorOf(input) + shareOf(input.outboundShippingPaidMinor, input.quantityReturned, input.quantityOrdered);
}
