import { describe, expect, it } from 'vitest';
import { defaultRefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import type { RefundQuote } from './refund-quote.js';
import type { RefundRuleId } from './refund-rules.js';
import { refundQuoteBase as baseInput, usd } from '../../../test/refund-fixtures.js';

const at = '2026-07-01';
/** [item, outbound shipping, restocking fee, return shipping] amounts, then the total. */
const amounts = (quote: RefundQuote) => [...quote.lines.map((l) => l.amountMinor), quote.totalMinor];
const ruleOf = (quote: RefundQuote, kind: string) => quote.lines.find((l) => l.kind === kind)?.ruleId;

describe('quoteRefund: reference §4.5 table and the other cases', () => {
  const used = { originalCondition: false } as const;
  it.each<[string, Partial<RefundQuoteInput>, number[], RefundRuleId, number]>([
    // §4.5 rows, in the table's order.
    ['§4.5 late return in original condition: up to 20%', { late: true }, [10_000, 0, -2000, 0, 8000], 'restocking-fee-late-original-condition', 2000],
    ['§4.5 book with obvious signs of use: 50%', { ...used, itemKind: 'book', grade: 'used_good' }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-book-signs-of-use', 5000],
    ['§4.5 opened CD/DVD/VHS/video game/cassette/vinyl: 50%', { ...used, itemKind: 'media', opened: true }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-opened-media', 5000],
    ['§4.5 not original condition (used), not the seller\'s fault: up to 50%', { ...used, grade: 'used_acceptable' }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-not-original-condition', 5000],
    ['§4.5 damaged by the buyer (also the SAFE-T row: 50% at most)', { ...used, grade: 'unsellable_damaged' }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-not-original-condition', 5000],
    ['§4.5 missing parts, not the seller\'s fault', { ...used, grade: 'new' }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-not-original-condition', 5000],
    ['§4.5 opened software: 100% (no item refund)', { ...used, itemKind: 'software', opened: true }, [10_000, 0, -10_000, 0, 0], 'restocking-fee-opened-software', 10_000],
    ['§4.5 seller error: full refund incl. shipping', { fault: 'seller', late: true, ...used, grade: 'used_good' }, [10_000, 1000, 0, 0, 11_000], 'full-refund-seller-fault', 0],
    ['§4.5 defective (found at inspection): full refund incl. shipping', { ...used, grade: 'unsellable_defective' }, [10_000, 1000, 0, 0, 11_000], 'full-refund-defective', 0],
    ['§4.5 damaged on arrival (carrier fault): full refund', { fault: 'carrier', ...used, grade: 'unsellable_damaged' }, [10_000, 1000, 0, 0, 11_000], 'full-refund-seller-fault', 0],
    ['§4.5 not as described (Amazon fault): full refund', { fault: 'amazon' }, [10_000, 1000, 0, 0, 11_000], 'full-refund-seller-fault', 0],
    // Beyond the table.
    ['in the window, original condition: no fee', {}, [10_000, 0, 0, 0, 10_000], 'no-fee-in-window-original-condition', 0],
    ['late and used: the larger cap, never both', { late: true, ...used, grade: 'used_good' }, [10_000, 0, -5000, 0, 5000], 'restocking-fee-not-original-condition', 5000],
    ['returnless refund (no inspection): no fee', { grade: null, late: true, ...used, returnShipping: null }, [10_000, 0, 0, 0, 10_000], 'no-fee-without-inspection', 0],
    ['wrong item sent back by the buyer: file a claim', { ...used, grade: 'wrong_item' }, [0, 0, 0, 0, 0], 'no-fee-item-not-returned', 0],
    ['missing unit (empty parcel) of two ordered', { ...used, grade: 'missing', quantityOrdered: 2 }, [0, 0, 0, 0, 0], 'no-fee-item-not-returned', 0],
    ['wrong item when the seller sent the wrong one: full refund', { fault: 'seller', ...used, grade: 'wrong_item' }, [10_000, 1000, 0, 0, 11_000], 'full-refund-seller-fault', 0],
  ])('%s', (_name, overrides, expected, feeRule, capBps) => {
    const quote = quoteRefund({ ...baseInput, ...overrides }, defaultRefundCaps, at);
    expect(amounts(quote)).toEqual(expected);
    expect(ruleOf(quote, 'restocking_fee')).toBe(feeRule);
    expect(quote.lines[2]?.capBps).toBe(capBps);
    expect(quote.lines[2]?.capSource).toContain('§4.5');
  });

  it.each<[string, Partial<RefundQuoteInput>, number, RefundRuleId]>([
    ['return shipping deducted when the settings allow it', { returnShipping: { labelCost: usd(800), deductionForbiddenBy: null, deduct: true } }, -800, 'return-shipping-deducted'],
    ['return shipping not deducted under Free Returns', { returnShipping: { labelCost: usd(800), deductionForbiddenBy: 'free_returns', deduct: false } }, 0, 'return-shipping-forbidden-free-returns'],
    ['return shipping not deducted on an in-policy APRL return', { returnShipping: { labelCost: usd(800), deductionForbiddenBy: 'aprl_in_policy', deduct: false } }, 0, 'return-shipping-forbidden-aprl-in-policy'],
    ['return shipping the seller does not ask for', {}, 0, 'return-shipping-not-deducted'],
    ['return shipping never takes the refund below zero', { originalCondition: false, itemKind: 'software', opened: true, returnShipping: { labelCost: usd(800), deductionForbiddenBy: null, deduct: true } }, 0, 'return-shipping-deduction-limited'],
  ])('%s', (_name, overrides, expected, rule) => {
    const quote = quoteRefund({ ...baseInput, ...overrides }, defaultRefundCaps, at);
    expect(quote.lines[3]?.amountMinor).toBe(expected);
    expect(quote.lines[3]?.ruleId).toBe(rule);
    expect(quote.totalMinor).toBeGreaterThanOrEqual(0);
  });

  it('refunds a returned unit\'s share of outbound shipping, rounded once', () => {
    const quote = quoteRefund({ ...baseInput, quantityOrdered: 3, refundOutboundShipping: true }, defaultRefundCaps, at);
    expect(amounts(quote)).toEqual([10_000, 333, 0, 0, 10_333]);
    expect(quote.paidMinor).toBe(10_333);
    expect(quoteRefund({ ...baseInput, fault: 'seller', quantityOrdered: 3, quantityReturned: 2 }, defaultRefundCaps, at).totalMinor).toBe(20_667);
  });

  it('rounds a fee once, half away from zero, and honours a smaller share or amount', () => {
    const late = { ...baseInput, late: true, unitPricePaidMinor: 2999, quantityOrdered: 3, quantityReturned: 3 };
    expect(quoteRefund(late, defaultRefundCaps, at).lines[2]?.amountMinor).toBe(-1799); // 20% of 89.97 = 17.994
    expect(quoteRefund({ ...late, restockingFee: { bps: 1250 } }, defaultRefundCaps, at).lines[2]?.amountMinor).toBe(-1125); // 11.24625
    expect(quoteRefund({ ...late, restockingFee: { amountMinor: 500 } }, defaultRefundCaps, at).lines[2]?.amountMinor).toBe(-500);
    expect(quoteRefund({ ...late, restockingFee: 'none' }, defaultRefundCaps, at).totalMinor).toBe(8997);
  });

  it('says which rule allowed each line, in English and Chinese, and lists the rules once', () => {
    const quote = quoteRefund({ ...baseInput, late: true }, defaultRefundCaps, at);
    expect(quote.lines[2]?.text.en).toContain('(restocking-fee-late-original-condition, cap 20%, §4.5)');
    expect(quote.lines[2]?.text.zh).toContain('上限 20%');
    expect(quote.ruleIds).toEqual(['item-refund', 'outbound-shipping-not-refunded', 'restocking-fee-late-original-condition', 'return-shipping-not-deducted']);
    expect(quote.capsEffectiveFrom).toBe('2012-01-01');
    const full = quoteRefund({ ...baseInput, fault: 'seller' }, defaultRefundCaps, at);
    expect(full.ruleIds).toEqual(['full-refund-seller-fault']);
  });

  it('falls back to the "not original condition" cap when the caps in force lack a special one', () => {
    const { openedSoftwareBps: _drop, ...older } = defaultRefundCaps[0]!;
    const quote = quoteRefund({ ...baseInput, originalCondition: false, itemKind: 'software', opened: true }, [older], at);
    expect(amounts(quote)).toEqual([10_000, 0, -5000, 0, 5000]);
  });
});
