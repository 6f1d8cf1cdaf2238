import { DomainError } from '../errors.js';
import { formatAmount } from '../money.js';
import type { Money } from '../money.js';
import type { RefundCaps } from './refund-caps.js';
import { fullRefundRule } from './refund-case.js';
import { requireCurrency, validateRefundInput } from './refund-input.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import type { RefundRuleId } from './refund-rules.js';

/** A seller-entered refund, checked against what the buyer paid and the most the rules let the seller keep. */
export interface ManualRefundCheck {
  readonly requestedMinor: number;
  readonly paidMinor: number;
  /** The smallest refund the rules allow: the fee at its cap, the label deducted where allowed, no optional shipping. */
  readonly minimumMinor: number;
  /** `paidMinor - requestedMinor`: what the seller keeps. */
  readonly impliedDeductionMinor: number;
  /** `paidMinor - minimumMinor`: the most the seller may keep. */
  readonly maxDeductionMinor: number;
  readonly ruleIds: readonly RefundRuleId[];
}

/** The refunds a seller may enter for a line: from `minimumMinor` to `paidMinor`, both inclusive. */
export interface ManualRefundRange {
  readonly paidMinor: number;
  readonly minimumMinor: number;
  /** The rules of the minimum quote: they say why the deduction may go that far. */
  readonly ruleIds: readonly RefundRuleId[];
}

/**
 * The range a seller-entered refund must fall in: the minimum is the quote with every deduction the case
 * allows at its cap (fee 'max', the label deducted where allowed, no optional outbound shipping; §4.5,
 * §4.2); the maximum is what the buyer paid. The input's own `restockingFee` and `deduct` are ignored.
 */
export function manualRefundRange(input: RefundQuoteInput, caps: readonly RefundCaps[], atIso: string): ManualRefundRange {
  const shipping = input.returnShipping;
  const deduct = shipping !== null && shipping.deductionForbiddenBy === null && fullRefundRule(input) === null;
  const minimum = quoteRefund({ ...input, restockingFee: 'max', refundOutboundShipping: false, returnShipping: shipping && { ...shipping, deduct } }, caps, atIso);
  return { paidMinor: minimum.paidMinor, minimumMinor: minimum.totalMinor, ruleIds: minimum.ruleIds };
}

function requireRequested(requested: Money, currency: string): void {
  requireCurrency(requested, currency, 'manual refund');
  if (!Number.isSafeInteger(requested.amountMinor) || requested.amountMinor < 0) {
    throw new DomainError('invalid_input', `A manual refund must be a whole, non-negative number of minor units (cents); got ${requested.amountMinor}.`, { amountMinor: requested.amountMinor });
  }
}

/**
 * Checks a partial refund the seller typed in: at most what the buyer paid for the returned units, at
 * least 0, and its implied deduction within the caps of the case (`manualRefundRange`). Otherwise
 * `invalid_input` saying the range to use; a seller-side fault accepts only the full refund.
 */
export function checkManualRefund(input: RefundQuoteInput, requested: Money, caps: readonly RefundCaps[], atIso: string): ManualRefundCheck {
  validateRefundInput(input);
  requireRequested(requested, input.currency);
  const { paidMinor, minimumMinor, ruleIds } = manualRefundRange(input, caps, atIso);
  const money = (amount: number) => formatAmount(amount, input.currency, 'en-US');
  const result = { requestedMinor: requested.amountMinor, paidMinor, minimumMinor, impliedDeductionMinor: paidMinor - requested.amountMinor, maxDeductionMinor: paidMinor - minimumMinor, ruleIds };
  if (requested.amountMinor > paidMinor) {
    throw new DomainError('invalid_input', `A refund of ${money(requested.amountMinor)} is more than the buyer paid for the returned units (${money(paidMinor)}): refund at most ${money(paidMinor)}.`, result);
  }
  if (requested.amountMinor < minimumMinor) {
    throw new DomainError('invalid_input', `A refund of ${money(requested.amountMinor)} keeps ${money(result.impliedDeductionMinor)}, but the rules let the seller keep at most ${money(result.maxDeductionMinor)} here (${ruleIds.join(', ')}; reference §4.5): refund at least ${money(minimumMinor)}.`, result);
  }
  return result;
}
