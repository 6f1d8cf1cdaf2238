import type { RefundQuoteInput } from '../src/domain/refunds/refund-input.js';

// Shared fixtures for the refund tests (quote, errors, action sheet, adjustment feed).

/** An amount in US cents, as the refund input and quote write money. */
export const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/**
 * A $100.00 unit with $10.00 outbound shipping, returned by the buyer in original condition within the window.
 * The seller holds an $8.00 return label but does not deduct it. Tests spread their own overrides over it.
 */
export const refundQuoteBase: RefundQuoteInput = {
  currency: 'USD', quantityOrdered: 1, quantityReturned: 1, unitPricePaidMinor: 10_000, outboundShippingPaidMinor: 1000,
  fault: 'buyer', grade: 'new', late: false, originalCondition: true, itemKind: 'standard', opened: false,
  restockingFee: 'max', refundOutboundShipping: false,
  returnShipping: { labelCost: usd(800), deductionForbiddenBy: null, deduct: false },
};

/** The same $8.00 return label, deducted from the refund. */
export const deductedLabel = { labelCost: usd(800), deductionForbiddenBy: null, deduct: true };
