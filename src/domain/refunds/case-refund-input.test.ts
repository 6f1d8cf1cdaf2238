import { describe, expect, it } from 'vitest';
import { caseRefundInput, itemKindOfCategory, labelDeductionBlock, refundFaultOf } from './case-refund-input.js';
import type { CaseRefundFacts } from './case-refund-input.js';

const facts: CaseRefundFacts = {
  marketplaceCode: 'UK', currency: 'GBP', quantityOrdered: 2, quantityReturned: 1, unitPricePaidMinor: 2000, outboundShippingPaidMinor: 400,
  fault: 'buyer', grade: 'used_good', retailPackaging: 'opened_intact', inPolicy: true, productCategory: null, sellerPaidLabelMinor: 350,
  linePricePaidMinor: null, outerBoxDamaged: false, unitDamaged: false,
};

describe('itemKindOfCategory', () => {
  it.each([
    ['Books', 'book'], ['图书', 'book'], ['Software', 'software'], ['Video Games', 'media'], ['DVD', 'media'], ['音像制品', 'media'],
    ['Kitchen', 'standard'], ['Bookshelves', 'standard'], [null, 'standard'],
  ] as const)('reads %s as %s', (category, kind) => {
    expect(itemKindOfCategory(category)).toBe(kind);
  });
});

describe('labelDeductionBlock', () => {
  it.each([
    ['US', true, false, 'aprl_in_policy'], ['US', null, false, 'aprl_in_policy'], ['US', false, false, null],
    ['UK', true, false, null], ['UK', true, true, 'free_returns'], ['UK', null, true, 'free_returns'], ['UK', false, true, null], ['US', false, true, null],
  ] as const)('%s, in policy %s, Free Returns %s: %s', (marketplace, inPolicy, freeReturns, block) => {
    expect(labelDeductionBlock(marketplace, inPolicy, freeReturns)).toBe(block);
  });
});

describe('caseRefundInput', () => {
  it('carries the facts and the choices into a quote input', () => {
    expect(caseRefundInput(facts, { restockingFee: 'max', deductLabel: true })).toEqual({
      currency: 'GBP', quantityOrdered: 2, quantityReturned: 1, unitPricePaidMinor: 2000, outboundShippingPaidMinor: 400,
      fault: 'buyer', grade: 'used_good', late: false, originalCondition: false, itemKind: 'standard', opened: true, restockingFee: 'max',
      returnShipping: { labelCost: { amountMinor: 350, currency: 'GBP' }, deductionForbiddenBy: null, deduct: true },
    });
  });

  it('reads out-of-policy as late, a sealed new unit as unopened, and no seller-paid label as none', () => {
    const input = caseRefundInput({ ...facts, grade: 'new', retailPackaging: 'sealed', inPolicy: false, sellerPaidLabelMinor: null }, { restockingFee: 'none', itemKind: 'book' });
    expect(input).toMatchObject({ late: true, originalCondition: true, opened: false, itemKind: 'book', returnShipping: null });
  });
});

describe('refundFaultOf', () => {
  it.each([
    [true, true, 'carrier'], [true, false, 'buyer'], [false, true, 'buyer'], [false, false, 'buyer'],
  ] as const)('a damaged box %s and a damaged unit %s: %s', (outerBoxDamaged, unitDamaged, fault) => {
    expect(refundFaultOf({ fault: 'buyer', outerBoxDamaged, unitDamaged })).toBe(fault);
  });

  it('keeps a seller fault whatever the box', () => {
    expect(refundFaultOf({ fault: 'seller', outerBoxDamaged: false, unitDamaged: true })).toBe('seller');
  });
});

describe('caseRefundInput: line price', () => {
  it('passes the line price when known, so the returned units\' share is exact', () => {
    expect(caseRefundInput({ ...facts, linePricePaidMinor: 4001 }, { restockingFee: 'none' }).linePricePaidMinor).toBe(4001);
    expect('linePricePaidMinor' in caseRefundInput(facts, { restockingFee: 'none' })).toBe(false);
  });
});
