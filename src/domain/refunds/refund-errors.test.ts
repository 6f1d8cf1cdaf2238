import { describe, expect, it } from 'vitest';
import { checkManualRefund } from './manual-refund.js';
import { defaultRefundCaps } from './refund-caps.js';
import type { RefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import { errorOf } from '../../../test/domain-errors.js';
import { deductedLabel, refundQuoteBase, usd } from '../../../test/refund-fixtures.js';

const at = '2026-07-01';
/** The shared $100.00 unit, returned late, with the return label deducted. */
const base: RefundQuoteInput = { ...refundQuoteBase, late: true, returnShipping: deductedLabel };

describe('quoteRefund errors', () => {
  it.each<[string, Partial<RefundQuoteInput>, RegExp]>([
    ['a share above the cap names the cap, its percent and source', { restockingFee: { bps: 2500 } }, /25% is above the 20% cap.*restocking-fee-late-original-condition.*ecommercebytes.*at most 20%/],
    ['an amount above the cap says the most allowed', { restockingFee: { amountMinor: 2001 } }, /\$20\.01 is above the 20% cap.*at most \$20\.00 \(20% of \$100\.00\)/],
    ['a fee on a seller-side fault', { fault: 'seller', restockingFee: { bps: 1000 }, returnShipping: null }, /full-refund-seller-fault, cap 0%.*Request 'none'/],
    ['a fee on a defective unit', { grade: 'unsellable_defective', originalCondition: false, restockingFee: { amountMinor: 1 }, returnShipping: null }, /full-refund-defective/],
    ['a fee where §4.5 allows none', { late: false, restockingFee: { bps: 100 } }, /no-fee-in-window-original-condition/],
    ['a fee without inspection', { grade: null, restockingFee: { bps: 100 } }, /grade the unit/],
    ['a label deduction on a seller-side fault', { fault: 'carrier' }, /cannot be deducted.*full-refund-seller-fault.*deduct to false/],
    ['a label deduction Free Returns forbid', { returnShipping: { labelCost: usd(800), deductionForbiddenBy: 'free_returns', deduct: true } }, /return-shipping-forbidden-free-returns/],
    ['a negative price', { unitPricePaidMinor: -1 }, /item price per unit must be a whole, non-negative/],
    ['a price in fractions of a cent', { unitPricePaidMinor: 10.5 }, /item price per unit must be a whole/],
    ['negative shipping', { outboundShippingPaidMinor: -100 }, /outbound shipping paid/],
    ['a fee share that is not whole basis points', { restockingFee: { bps: 12.5 } }, /whole basis points/],
    ['a negative fee amount', { restockingFee: { amountMinor: -5 } }, /restocking fee must be a whole, non-negative/],
    ['more units returned than ordered', { quantityReturned: 2 }, /from 1 to the 1 ordered/],
    ['a label cost in another currency', { returnShipping: { labelCost: { amountMinor: 800, currency: 'CAD' }, deductionForbiddenBy: null, deduct: true } }, /in CAD but the order is in USD/],
    ['an unknown currency', { currency: 'XXX' }, /Unknown currency "XXX"/],
    ['original condition with a used grade', { grade: 'used_good' }, /used_good is not in original condition/],
  ])('%s', (_name, overrides, message) => {
    const error = errorOf(() => quoteRefund({ ...base, ...overrides }, defaultRefundCaps, at));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });

  it('needs caps in force on the day', () => {
    expect(errorOf(() => quoteRefund(base, defaultRefundCaps, '2011-12-31')).message).toMatch(/No refund caps are in force on 2011-12-31/);
    const ended: RefundCaps[] = [{ ...defaultRefundCaps[0]!, effectiveTo: '2020-01-01' }];
    expect(errorOf(() => quoteRefund(base, ended, at)).message).toMatch(/No refund caps are in force on 2026-07-01/);
  });

  it('refuses caps that would charge a seller-side fault or exceed 100%', () => {
    expect(errorOf(() => quoteRefund(base, [{ ...defaultRefundCaps[0]!, sellerFaultBps: 100 }], at)).message).toMatch(/sellerFaultBps must be 0/);
    expect(errorOf(() => quoteRefund(base, [{ ...defaultRefundCaps[0]!, openedMediaBps: 10_001 }], at)).message).toMatch(/openedMediaBps must be whole basis points/);
  });
});

describe('checkManualRefund', () => {
  // Late, original condition: the seller may keep the 20% fee ($20) and the $8 label, refund no outbound shipping.
  it('accepts a refund between the minimum and what was paid', () => {
    expect(checkManualRefund(base, usd(9000), defaultRefundCaps, at)).toMatchObject({
      requestedMinor: 9000, paidMinor: 11_000, minimumMinor: 7200, impliedDeductionMinor: 2000, maxDeductionMinor: 3800,
    });
    expect(checkManualRefund(base, usd(7200), defaultRefundCaps, at).minimumMinor).toBe(7200);
  });

  it.each<[string, Partial<RefundQuoteInput>, number, RegExp]>([
    ['above what the buyer paid', {}, 11_001, /more than the buyer paid.*\$110\.00.*refund at most \$110\.00/],
    ['a deduction beyond the caps', {}, 7199, /keeps \$38\.01.*at most \$38\.00.*restocking-fee-late-original-condition.*refund at least \$72\.00/],
    ['a partial refund on a seller-side fault', { fault: 'seller' }, 10_999, /at most \$0\.00.*full-refund-seller-fault.*refund at least \$110\.00/],
    ['a negative refund', {}, -1, /whole, non-negative/],
  ])('refuses %s', (_name, overrides, amountMinor, message) => {
    const error = errorOf(() => checkManualRefund({ ...base, ...overrides }, usd(amountMinor), defaultRefundCaps, at));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });

  it('refuses a refund in another currency', () => {
    expect(errorOf(() => checkManualRefund(base, { amountMinor: 100, currency: 'EUR' }, defaultRefundCaps, at)).message).toMatch(/manual refund is in EUR but the order is in USD/);
  });
});
