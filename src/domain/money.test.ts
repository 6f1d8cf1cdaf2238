// The domain import rule is for production code; tests need their runner and fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/domain-errors.js';
import { marketplaces } from './marketplaces.js';
import {
  addMoney, currencyExponent, formatAmount, isKnownCurrency, multiplyMinor, percentOf, roundHalfAwayFromZero,
  subtractMoney, sumMoney, type Money,
} from './money.js';


describe('currencyExponent', () => {
  it.each([
    ['JPY', 0], ['KRW', 0], ['USD', 2], ['EUR', 2], ['GBP', 2], ['INR', 2], ['AED', 2], ['KWD', 3], ['BHD', 3], ['OMR', 3],
  ])('gives %s amounts %i decimals', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('knows the currency of every marketplace', () => {
    for (const m of marketplaces) expect(() => currencyExponent(m.currency)).not.toThrow();
  });

  it('refuses an unknown currency, naming it', () => {
    const error = errorOf(() => currencyExponent('XYZ'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"XYZ"');
  });

  it.each([['USD', true], ['JPY', true], ['XYZ', false], ['usd', false]] as const)('knows whether %s is a currency code: %s', (code, known) => {
    expect(isKnownCurrency(code)).toBe(known);
  });
});

describe('formatAmount', () => {
  it.each([
    ['formats dollars in en-US', 123456, 'USD', 'en-US', '$1,234.56'],
    ['formats negative cents in en-US', -5, 'USD', 'en-US', '-$0.05'],
    ['formats euros in de-DE', 123456, 'EUR', 'de-DE', '1.234,56 €'],
    ['formats yen without decimals', 1234, 'JPY', 'ja-JP', '￥1,234'],
    ['formats dinars with three decimals', 1234567, 'KWD', 'en-GB', 'KWD 1,234.567'],
    ['formats the largest safe amount exactly', Number.MAX_SAFE_INTEGER, 'USD', 'en-US', '$90,071,992,547,409.91'],
  ])('%s', (_name, minor, currency, locale, expected) => {
    expect(formatAmount(minor, currency, locale).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
  });

  it.each([
    ['refuses an unknown locale', 100, 'USD', 'not a locale!', 'Unknown locale'],
    ['refuses an unknown currency', 100, 'XYZ', 'en-US', 'Unknown currency'],
    ['refuses fractional minor units', 1.5, 'USD', 'en-US', 'not a whole number'],
  ])('%s', (_name, minor, currency, locale, message) => {
    expect(errorOf(() => formatAmount(minor, currency, locale)).message).toContain(message);
  });
});

describe('rounding and scaling', () => {
  it.each([
    [2.5, 3], [-2.5, -3], [2.4999, 2], [0.5, 1], [-0.5, -1], [-0.4, 0], [7, 7], [0.49999999999999994, 0],
  ])('rounds %d half away from zero to %d', (value, expected) => {
    expect(Object.is(roundHalfAwayFromZero(value), expected)).toBe(true);
  });

  it.each([
    ['takes a 20% restocking fee', 2999, 0.2, 600],
    ['rounds a half cent away from zero where floats would round down (1.005 × 100)', 100, 1.005, 101],
    ['rounds a negative half cent away from zero', -25, 0.1, -3],
    ['keeps the amount with factor one', 123456789, 1, 123456789],
    ['gives zero with factor zero, never -0', -999, 0, 0],
    ['scales large amounts exactly', Number.MAX_SAFE_INTEGER, 0.5, 4503599627370496],
  ])('multiplyMinor %s', (_name, amount, factor, expected) => {
    expect(Object.is(multiplyMinor(amount, factor), expected)).toBe(true);
  });

  it.each([
    ['takes 20% as 2000 basis points', 2999, 2000, 600],
    ['rounds a half cent of 50% away from zero', 1005, 5000, 503],
    ['rounds a negative half cent away from zero', -1005, 5000, -503],
    ['accepts fractional basis points', 12345, 1250.5, 1544],
    ['gives 100% as the whole amount', 4321, 10000, 4321],
  ])('percentOf %s', (_name, amount, basisPoints, expected) => {
    expect(percentOf(amount, basisPoints)).toBe(expected);
  });

  it.each([
    ['refuses to round infinity', () => roundHalfAwayFromZero(Infinity)],
    ['refuses a NaN factor', () => multiplyMinor(100, NaN)],
    ['refuses fractional minor units', () => percentOf(10.5, 100)],
    ['refuses a result beyond the safe range', () => multiplyMinor(Number.MAX_SAFE_INTEGER, 2)],
  ])('%s', (_name, run) => {
    expect(errorOf(run).code).toBe('invalid_input');
  });

  it('gives the whole amount for 10000 basis points', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (x) => {
      expect(percentOf(x, 10000)).toBe(x === 0 ? 0 : x);
    }));
  });

  it('agrees with exact integer arithmetic', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }), (x, bp) => {
      const product = BigInt(x) * BigInt(bp);
      const abs = product < 0n ? -product : product;
      const rounded = abs / 10000n + (2n * (abs % 10000n) >= 10000n ? 1n : 0n);
      const expected = Number(product < 0n ? -rounded : rounded);
      fc.pre(Number.isSafeInteger(expected));
      expect(percentOf(x, bp)).toBe(expected);
      expect(multiplyMinor(x, bp / 10000)).toBe(expected);
    }));
  });

  it('rounds every exact half cent away from zero', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (x) => {
      const half = Math.ceil(Math.abs(x) / 2);
      expect(percentOf(x, 5000)).toBe(x < 0 ? -half : half);
      expect(multiplyMinor(x, 0.5)).toBe(x < 0 ? -half : half);
    }));
  });

  it('is symmetric around zero', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -10, max: 10, noNaN: true }), (x, factor) => {
      expect(multiplyMinor(-x, factor)).toBe(-multiplyMinor(x, factor) || 0);
    }));
  });
});

describe('Money arithmetic', () => {
  const amount = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
  const money = (amountMinor: number, currency = 'EUR'): Money => ({ amountMinor, currency });

  it('adds commutatively', () => {
    fc.assert(fc.property(amount, amount, (a, b) => {
      expect(addMoney(money(a), money(b))).toEqual(addMoney(money(b), money(a)));
    }));
  });

  it('adds associatively', () => {
    fc.assert(fc.property(amount, amount, amount, (a, b, c) => {
      expect(addMoney(addMoney(money(a), money(b)), money(c))).toEqual(addMoney(money(a), addMoney(money(b), money(c))));
    }));
  });

  it('subtracts as the inverse of adding', () => {
    fc.assert(fc.property(amount, amount, (a, b) => {
      expect(subtractMoney(addMoney(money(a), money(b)), money(b)).amountMinor).toBe(a);
    }));
  });

  it.each([
    ['sums a list in one currency', [money(150), money(-50), money(1)], 'EUR', 101],
    ['sums an empty list to zero', [], 'JPY', 0],
  ])('%s', (_name, items, currency, expected) => {
    expect(sumMoney(items, currency)).toEqual({ amountMinor: expected, currency });
  });

  it.each([
    ['refuses to add different currencies', () => addMoney(money(1, 'EUR'), money(1, 'GBP'))],
    ['refuses to subtract different currencies', () => subtractMoney(money(1, 'EUR'), money(1, 'USD'))],
    ['refuses to sum an item in another currency', () => sumMoney([money(1, 'EUR'), money(1, 'USD')], 'EUR')],
    ['refuses to sum in an unknown currency', () => sumMoney([], 'XYZ')],
    ['refuses a sum beyond the safe range', () => addMoney(money(Number.MAX_SAFE_INTEGER), money(1))],
  ])('%s', (_name, run) => {
    expect(errorOf(run).code).toBe('invalid_input');
  });
});
