import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import { isOuterBoxDamaged, isUnitDamaged, requireRecordable, requireRefundLeft, sellerPaidLabelMinor } from './refund-eligibility.js';

const open = { id: 7, status: 'inspected' as const, refundedMinor: null, currency: 'GBP' };

describe('requireRefundLeft and requireRecordable', () => {
  it('lets a received or inspected case be refunded', () => {
    expect(() => requireRecordable(open)).not.toThrow();
    expect(() => requireRecordable({ ...open, status: 'received' })).not.toThrow();
  });

  it.each([
    [{ status: 'refunded' as const, refundedMinor: 4000 }, /Case 7 is "refunded" \(£40\.00 refunded\): there is no refund left to issue.*SAFE-T/],
    [{ status: 'closed' as const }, /is "closed": there is no refund left/],
    [{ status: 'received' as const, refundedMinor: 100 }, /£1\.00 refunded/],
  ])('refuses a case with nothing left to refund: %j', (change, message) => {
    const error = errorOf(() => requireRefundLeft({ ...open, ...change }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(message);
  });

  it('records a refund only once the parcel is back', () => {
    expect(errorOf(() => requireRecordable({ ...open, status: 'authorized' })).message).toMatch(/once the parcel is received/);
  });
});

describe('sellerPaidLabelMinor', () => {
  it.each([
    [{ costMinor: 350, paidBy: 'Seller', currency: 'GBP' }, 350],
    [{ costMinor: 350, paidBy: null, currency: 'GBP' }, 350],
    [{ costMinor: 350, paidBy: 'Customer', currency: 'GBP' }, null],
    [{ costMinor: 350, paidBy: 'Seller', currency: 'USD' }, null],
    [{ costMinor: null, paidBy: 'Seller', currency: 'GBP' }, null],
  ])('%j → %s', (label, cost) => {
    expect(sellerPaidLabelMinor(label, 'GBP')).toBe(cost);
  });
});

describe('damage', () => {
  it.each([
    [{ damage: 'cosmetic_minor' }, null, true], [{ damage: 'none', retailPackaging: 'damaged' }, null, true], [{ damage: 'none' }, 'unsellable_damaged', true],
    [{ damage: 'none', signsOfUse: 'heavy' }, 'used_acceptable', false], [null, null, false],
  ])('unit damaged by %j (grade %s): %s', (answers, grade, damaged) => {
    expect(isUnitDamaged(answers, grade)).toBe(damaged);
  });

  it('reads the box as damaged at receipt or at inspection', () => {
    expect(isOuterBoxDamaged('damaged', {})).toBe(true);
    expect(isOuterBoxDamaged('intact', { outerBox: 'damaged' })).toBe(true);
    expect(isOuterBoxDamaged(null, { outerBox: 'intact' })).toBe(false);
  });
});
