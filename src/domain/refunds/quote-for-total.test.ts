import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import { deductedLabel, refundQuoteBase } from '../../../test/refund-fixtures.js';
import { defaultRefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteForTotal } from './quote-for-total.js';

const at = '2026-07-01';
// The base unit used and damaged by the buyer: up to 50% may be kept; $100.00 item, $10.00 shipping.
const used: RefundQuoteInput = { ...refundQuoteBase, grade: 'used_good', originalCondition: false, opened: true };
const usdTotal = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const byKind = (input: RefundQuoteInput, total: number) =>
  Object.fromEntries(quoteForTotal(input, usdTotal(total), defaultRefundCaps, at).quote.lines.map((l) => [l.kind, l.amountMinor]));

describe('quoteForTotal', () => {
  it('refunds shipping and keeps the difference as restocking fee when the cap allows', () => {
    expect(byKind(used, 9000)).toEqual({ item: 10_000, outbound_shipping: 1000, restocking_fee: -2000, return_shipping: 0 });
  });

  it('keeps outbound shipping, then deducts the label, when the fee alone would pass its cap', () => {
    expect(byKind(used, 5000)).toEqual({ item: 10_000, outbound_shipping: 0, restocking_fee: -5000, return_shipping: 0 });
    expect(byKind({ ...used, returnShipping: deductedLabel }, 4200)).toEqual({ item: 10_000, outbound_shipping: 0, restocking_fee: -5000, return_shipping: -800 });
  });

  it('gives the whole amount paid as a plain refund', () => {
    expect(quoteForTotal(used, usdTotal(11_000), defaultRefundCaps, at).quote.totalMinor).toBe(11_000);
  });

  it.each([
    ['more than the buyer paid', used, 11_001, /more than the buyer paid .*refund at most \$110\.00/],
    ['less than the caps allow (fee at its cap, label deducted)', used, 4199, /refund at least \$42\.00/],
    ['a partial refund on a seller-fault return', { ...used, fault: 'seller' as const }, 9000, /refund at least \$110\.00/],
  ])('refuses %s', (_what, input, total, message) => {
    const error = errorOf(() => quoteForTotal(input, usdTotal(total), defaultRefundCaps, at));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });
});
