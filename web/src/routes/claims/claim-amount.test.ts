import { describe, expect, it } from 'vitest';
import { parseAmountMinor } from './claim-amount.js';

describe('the amount Amazon paid, as typed', () => {
  it.each([
    ['24.99', 'USD', 2499], ['24,99', 'EUR', 2499], ['24', 'USD', 2400], ['24.5', 'GBP', 2450], ['0', 'USD', 0], [' 957 ', 'JPY', 957],
  ])('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseAmountMinor(text, currency)).toBe(minor);
  });

  it.each([['', 'USD'], ['-1', 'USD'], ['1.999', 'USD'], ['12.5', 'JPY'], ['1e3', 'USD'], ['$5', 'USD']])('refuses %j in %s', (text, currency) => {
    expect(parseAmountMinor(text, currency)).toBeNull();
  });
});
