import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parseOuterBox, statusAfterReceipt } from './receipt.js';

describe('statusAfterReceipt', () => {
  it.each([
    ['requested'], ['authorized'], ['in_transit'],
  ] as const)('moves a seller-fulfilled case from %s to received', (status) => {
    expect(statusAfterReceipt('MFN', status)).toBe('received');
  });

  it('keeps a case Amazon refunded at the first scan refunded: no refund is due again', () => {
    expect(statusAfterReceipt('MFN', 'refunded')).toBe('refunded');
  });

  it.each([
    ['received', /already received/], ['inspected', /already received/], ['closed', /without a parcel/], ['returnless_refunded', /without a parcel/],
  ] as const)('refuses to receive a seller-fulfilled case that is %s', (status, message) => {
    expect(() => statusAfterReceipt('MFN', status)).toThrow(message);
    expect(() => statusAfterReceipt('MFN', status)).toThrow(DomainError);
  });

  it('keeps an FBA case in its state: Amazon reports the FBA states', () => {
    expect(statusAfterReceipt('FBA', 'fba_refunded')).toBe('fba_refunded');
  });
});

describe('parseOuterBox', () => {
  it('accepts the known states and lists them for anything else', () => {
    expect(parseOuterBox('damaged')).toBe('damaged');
    expect(() => parseOuterBox('crushed')).toThrow('Use one of: intact, damaged, opened_resealed.');
  });
});
