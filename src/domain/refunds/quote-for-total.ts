import { DomainError, isDomainError } from '../errors.js';
import type { Money } from '../money.js';
import { checkManualRefund } from './manual-refund.js';
import type { ManualRefundCheck } from './manual-refund.js';
import type { RefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import type { RefundQuote } from './refund-quote.js';

/**
 * The ways a seller's total can be itemized, kindest to the buyer first: all shipping refunded and the
 * whole difference as restocking fee; then outbound shipping kept; then the return label deducted too
 * (where allowed). The first whose fee fits its cap is the one the action sheet and the feed show.
 */
function layouts(input: RefundQuoteInput): RefundQuoteInput[] {
  const label = input.returnShipping;
  const noLabel = label && { ...label, deduct: false };
  const withLabel = label && label.deductionForbiddenBy === null ? { ...label, deduct: true } : null;
  return [
    { ...input, refundOutboundShipping: true, returnShipping: noLabel },
    { ...input, refundOutboundShipping: false, returnShipping: noLabel },
    ...(withLabel ? [{ ...input, refundOutboundShipping: false, returnShipping: withLabel }] : []),
  ];
}

/**
 * A quote whose total is exactly the refund the seller typed in, itemized line by line with the rules
 * that allow it. The total is first checked by checkManualRefund (at most what was paid, at least the
 * minimum the caps allow: `invalid_input` with the range otherwise).
 */
export function quoteForTotal(input: RefundQuoteInput, requested: Money, caps: readonly RefundCaps[], atIso: string): { quote: RefundQuote; check: ManualRefundCheck } {
  const check = checkManualRefund(input, requested, caps, atIso);
  for (const layout of layouts(input)) {
    const before = quoteRefund({ ...layout, restockingFee: 'none' }, caps, atIso);
    const fee = before.totalMinor - requested.amountMinor;
    if (fee < 0) continue;
    try {
      const quote = quoteRefund({ ...layout, restockingFee: fee === 0 ? 'none' : { amountMinor: fee } }, caps, atIso);
      if (quote.totalMinor === requested.amountMinor) return { quote, check };
    } catch (error) {
      // The fee does not fit this layout's cap: try keeping more of the shipping.
      if (!isDomainError(error)) throw error;
    }
  }
  throw new DomainError('invalid_input', `A refund of ${requested.amountMinor} minor units cannot be itemized within the caps: quote with a fee instead (--fee).`, { ...check });
}
