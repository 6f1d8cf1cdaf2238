import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSellerSideFault } from '../decisions/guardrails.js';
import { DomainError } from '../errors.js';
import { inspectionGrades } from '../inspection/inspection-grades.js';
import { faultParties } from '../reasons.js';
import { checkManualRefund, manualRefundRange } from './manual-refund.js';
import { defaultRefundCaps } from './refund-caps.js';
import { itemKinds } from './refund-input.js';
import type { RefundQuoteInput, RequestedFee } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import type { RefundQuote } from './refund-quote.js';

const at = '2026-07-01';
const amount = fc.integer({ min: 0, max: 10_000_000 });
// Weighted towards requests the rules allow, so most runs check a quote rather than a refusal.
const fee: fc.Arbitrary<RequestedFee> = fc.oneof(
  { arbitrary: fc.constantFrom<RequestedFee>('none', 'max'), weight: 4 },
  fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ bps })),
  amount.map((amountMinor) => ({ amountMinor })),
);

const input: fc.Arbitrary<RefundQuoteInput> = fc.record({
  quantityOrdered: fc.integer({ min: 1, max: 50 }),
  returnedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  unitPricePaidMinor: amount, outboundShippingPaidMinor: amount,
  // Half the runs know the line's price, which need not divide evenly by the units.
  linePricePaidMinor: fc.option(amount, { nil: undefined }),
  fault: fc.constantFrom(...faultParties),
  grade: fc.option(fc.constantFrom(...inspectionGrades), { nil: null }),
  late: fc.boolean(), originalCondition: fc.boolean(), itemKind: fc.constantFrom(...itemKinds), opened: fc.boolean(),
  restockingFee: fee, refundOutboundShipping: fc.boolean(),
  returnShipping: fc.option(fc.record({
    labelCost: amount.map((amountMinor) => ({ amountMinor, currency: 'USD' })),
    deductionForbiddenBy: fc.constantFrom(null, 'free_returns' as const, 'aprl_in_policy' as const),
    deduct: fc.boolean(),
  }), { nil: null }),
}).map(({ returnedShare, linePricePaidMinor, ...rest }) => ({
  ...rest,
  ...(linePricePaidMinor === undefined ? {} : { linePricePaidMinor }),
  currency: 'USD',
  quantityReturned: Math.max(1, Math.ceil(returnedShare * rest.quantityOrdered)),
  // Only a `new` unit can be in original condition; the rest is what the seller may type.
  originalCondition: rest.originalCondition && (rest.grade === null || rest.grade === 'new'),
}));

/** The quote, or null when the input asks for something the rules forbid (an `invalid_input` error). */
function quoteOrRefusal(value: RefundQuoteInput): RefundQuote | null {
  try {
    return quoteRefund(value, defaultRefundCaps, at);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input') return null;
    throw error;
  }
}

const sum = (quote: RefundQuote) => quote.lines.reduce((total, l) => total + l.amountMinor, 0);

describe('refund quote invariants', () => {
  it('never refunds more than was paid, never less than zero, and totals its lines', () => {
    fc.assert(fc.property(input, (value) => {
      const quote = quoteOrRefusal(value);
      if (!quote) return;
      expect(quote.totalMinor).toBeLessThanOrEqual(quote.paidMinor);
      expect(quote.totalMinor).toBeGreaterThanOrEqual(0);
      expect(quote.totalMinor).toBe(sum(quote));
      for (const l of quote.lines) expect(Number.isSafeInteger(l.amountMinor)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('counts as paid no more than the buyer paid: the line price\'s exact share when it is known', () => {
    fc.assert(fc.property(input, (value) => {
      const quote = quoteOrRefusal(value);
      if (!quote) return;
      const items = value.linePricePaidMinor ?? value.unitPricePaidMinor * value.quantityOrdered;
      const paid = (items + value.outboundShippingPaidMinor) * value.quantityReturned / value.quantityOrdered;
      // Each of the item and shipping shares is rounded once, half away from zero: at most one unit up each.
      expect(quote.paidMinor).toBeLessThanOrEqual(Math.ceil(paid) + 1);
      if (value.quantityReturned === value.quantityOrdered) expect(quote.paidMinor).toBe(items + value.outboundShippingPaidMinor);
    }), { numRuns: 2000 });
  });

  it('never charges a fee or deduction on a seller-side fault: full refund including shipping', () => {
    fc.assert(fc.property(input.filter((value) => isSellerSideFault(value.fault)), (value) => {
      const quote = quoteOrRefusal(value);
      if (!quote) return;
      expect(quote.lines.filter((l) => l.amountMinor < 0)).toEqual([]);
      expect(quote.totalMinor).toBe(quote.paidMinor);
    }), { numRuns: 1000 });
  });

  it('never refuses the maximum fee without a label deduction', () => {
    fc.assert(fc.property(input, (value) => {
      const safe = { ...value, restockingFee: 'max' as const, returnShipping: value.returnShipping && { ...value.returnShipping, deduct: false } };
      expect(quoteOrRefusal(safe)).not.toBeNull();
    }), { numRuns: 1000 });
  });

  it('accepts exactly the manual refunds from the minimum up to what was paid', () => {
    fc.assert(fc.property(input, fc.integer({ min: -1, max: 30_000_000 }), (value, requested) => {
      const range = manualRefundRange(value, defaultRefundCaps, at);
      let accepted = true;
      try {
        checkManualRefund(value, { amountMinor: requested, currency: 'USD' }, defaultRefundCaps, at);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        accepted = false;
      }
      expect(accepted).toBe(requested >= range.minimumMinor && requested <= range.paidMinor);
    }), { numRuns: 1000 });
  });
});
