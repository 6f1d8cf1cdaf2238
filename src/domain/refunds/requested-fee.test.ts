import { describe, expect, it } from 'vitest';
import { parseRequestedFee } from './requested-fee.js';

describe('parseRequestedFee', () => {
  it.each([
    ['none', 'none'], ['', 'none'], ['MAX', 'max'], ['15%', { bps: 1500 }], ['12,5 %', { bps: 1250 }], ['4.00', { amountMinor: 400 }],
  ] as const)('reads "%s"', (text, fee) => {
    expect(parseRequestedFee(text, 'USD', '.')).toEqual(fee);
  });

  it('reads an amount the way the marketplace writes it', () => {
    expect(parseRequestedFee('4,50 €', 'EUR', ',')).toEqual({ amountMinor: 450 });
  });

  it.each([['lots'], ['150%'], ['-3']])('refuses "%s"', (text) => {
    expect(() => parseRequestedFee(text, 'USD', '.')).toThrow(/restocking fee/);
  });
});
