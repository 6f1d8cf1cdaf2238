import { describe, expect, it } from 'vitest';
import { adjustmentAmounts, adjustmentFeedRow, adjustmentFeedText, feedDecimal } from './adjustment-feed.js';
import type { AdjustmentFeedEntry } from './adjustment-feed.js';
import { defaultRefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import { errorOf } from '../../../test/domain-errors.js';
import { deductedLabel as label, refundQuoteBase as base } from '../../../test/refund-fixtures.js';

const at = '2026-07-01';
const header = 'order-id\torder-item-id\tadjustment-reason-code\tcurrency\titem-price-adj\titem-tax-adj\tshipping-price-adj\tshipping-tax-adj\tgift-wrap-price-adj\tgift-wrap-tax-adj\titem-promotion-adj\titem-promotion-id\tship-promotion-adj\tship-promotion-id\tquantity-cancelled';

function entry(overrides: Partial<RefundQuoteInput> = {}, extra: Partial<AdjustmentFeedEntry> = {}): AdjustmentFeedEntry {
  const input = { ...base, ...overrides };
  return { orderId: '112-1234567-1234567', orderItemId: '12345678901234', currency: input.currency, quote: quoteRefund(input, defaultRefundCaps, at), ...extra };
}

describe('adjustmentFeedRow', () => {
  const row = (item: string, shipping: string, currency = 'USD') => `112-1234567-1234567\t12345678901234\tCustomerReturn\t${currency}\t${item}\t\t${shipping}\t\t\t\t\t\t\t\t`;
  it.each<[string, Partial<RefundQuoteInput>, string]>([
    ['full refund (seller fault): item and outbound shipping', { fault: 'seller' }, row('100.00', '10.00')],
    ['in window, no fee: the item only', {}, row('100.00', '0.00')],
    ['partial: 20% restocking fee comes off the item', { late: true }, row('80.00', '0.00')],
    ['partial: fee and return label both come off the item', { late: true, returnShipping: label }, row('72.00', '0.00')],
    ['outbound shipping refunded on a buyer-side return', { refundOutboundShipping: true }, row('100.00', '10.00')],
    ['a label deduction beyond the item net comes off shipping', { originalCondition: false, itemKind: 'software', opened: true, refundOutboundShipping: true, returnShipping: label }, row('0.00', '2.00')],
    ['two of three units, shipping share rounded once', { quantityOrdered: 3, quantityReturned: 2, unitPricePaidMinor: 1999, refundOutboundShipping: true }, row('39.98', '6.67')],
    ['JPY: no decimals, fee 20% of ¥5,000', { currency: 'JPY', unitPricePaidMinor: 5000, outboundShippingPaidMinor: 500, late: true, returnShipping: null }, row('4000', '0', 'JPY')],
  ])('%s', (_name, overrides, expected) => {
    const result = adjustmentFeedRow(entry(overrides));
    expect(result).toBe(expected);
    expect(result.split('\t')).toHaveLength(15);
  });

  it('item and shipping always add up to the quote total', () => {
    const e = entry({ originalCondition: false, itemKind: 'software', opened: true, refundOutboundShipping: true, returnShipping: label });
    const { itemMinor, shippingMinor } = adjustmentAmounts(e.quote);
    expect(itemMinor + shippingMinor).toBe(e.quote.totalMinor);
  });

  it('writes another reason code when asked', () => {
    expect(adjustmentFeedRow(entry({}, { reasonCode: 'GeneralAdjustment' })).split('\t')[2]).toBe('GeneralAdjustment');
  });
});

describe('feedDecimal', () => {
  it.each<[number, string, string]>([
    [0, 'USD', '0.00'], [5, 'USD', '0.05'], [123_456_789, 'USD', '1234567.89'], [1200, 'JPY', '1200'], [1, 'KWD', '0.001'], [-1250, 'USD', '-12.50'], [-5, 'USD', '-0.05'], [-1200, 'JPY', '-1200'],
  ])('%d %s → %s', (minor, currency, text) => expect(feedDecimal(minor, currency)).toBe(text));
});

describe('adjustmentFeedText', () => {
  it('writes the header, then one row per entry, every line ending in \\n', () => {
    const text = adjustmentFeedText([
      entry({ late: true, returnShipping: label }),
      entry({ currency: 'JPY', unitPricePaidMinor: 5000, outboundShippingPaidMinor: 500, fault: 'seller', returnShipping: null }, { orderId: '250-1111111-2222222', orderItemId: '55555555555555' }),
    ]);
    expect(text).toBe(`${header}\n`
      + '112-1234567-1234567\t12345678901234\tCustomerReturn\tUSD\t72.00\t\t0.00\t\t\t\t\t\t\t\t\n'
      + '250-1111111-2222222\t55555555555555\tCustomerReturn\tJPY\t5000\t\t500\t\t\t\t\t\t\t\t\n');
  });

  it.each<[string, () => unknown, RegExp]>([
    ['no entries', () => adjustmentFeedText([]), /no entries: there is nothing to adjust/],
    ['a missing order-item-id', () => adjustmentFeedText([entry({}, { orderItemId: undefined })]), /Order 112-1234567-1234567: the order-item-id is missing\. Import the MFN returns report/],
    ['a null order-item-id', () => adjustmentFeedText([entry({}, { orderItemId: null })]), /112-1234567-1234567.*MFN returns report \(it carries order-item-id\)/],
    ['a blank order-item-id', () => adjustmentFeedText([entry({}, { orderItemId: ' ' })]), /order-item-id is missing/],
    ['a zero refund (wrong item came back)', () => adjustmentFeedText([entry({ originalCondition: false, grade: 'wrong_item' })]), /Order 112-1234567-1234567: the refund is zero: there is nothing to adjust/],
    ['the same order item twice', () => adjustmentFeedText([entry(), entry({ late: true })]), /Order 112-1234567-1234567: order item 12345678901234 appears twice.*refunded twice/],
    ['a tab in the order id', () => adjustmentFeedRow(entry({}, { orderId: '112-1\t234' })), /Order "112-1\\t234": the order-id .* contains a tab or line break/],
    ['a line break in the order-item-id', () => adjustmentFeedRow(entry({}, { orderItemId: '123\n456' })), /Order 112-1234567-1234567: the order-item-id "123\\n456" contains a tab or line break/],
    ['an empty order id', () => adjustmentFeedRow(entry({}, { orderId: '' })), /needs the Amazon order id/],
    ['a currency other than the quote\'s', () => adjustmentFeedRow(entry({}, { currency: 'EUR' })), /Order 112-1234567-1234567: the entry is in EUR but the quote is in USD/],
    ['an unknown reason code', () => adjustmentFeedRow(entry({}, { reasonCode: 'Refund' as never })), /unknown adjustment reason code "Refund".*CustomerReturn/],
  ])('refuses %s', (_name, run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });
});
