// The domain import rule is for production code; tests need their runner and fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount-text.js';
import { errorOf } from '../../test/domain-errors.js';
import { marketplaces } from './marketplaces.js';
import { currencyExponent, formatAmount } from './money.js';

const supported = ['JPY', 'KRW', 'USD', 'EUR', 'GBP', 'CAD', 'MXN', 'BRL', 'SEK', 'PLN', 'AUD', 'AED', 'SGD', 'INR', 'KWD', 'BHD', 'OMR'];


describe('parseAmount', () => {
  it.each([
    ['reads cents exactly, without float error', '0.29', 'USD', '.', 29],
    ['reads large amounts exactly', '1234567.89', 'USD', '.', 123456789],
    ['reads a whole number as units', '12', 'USD', '.', 1200],
    ['reads a decimal comma in an EU marketplace', '12,50', 'EUR', ',', 1250],
    ['reads a decimal dot in an EU marketplace (Amazon API files)', '12.50', 'EUR', ',', 1250],
    ['reads one decimal digit after the foreign separator', '12.5', 'EUR', ',', 1250],
    ['reads a comma followed by two digits as decimal in a dot marketplace', '3,99', 'USD', '.', 399],
    ['reads a dot followed by three digits as thousands in a comma marketplace', '1.234', 'EUR', ',', 123400],
    ['reads a comma followed by three digits as thousands in a dot marketplace', '1,234', 'USD', '.', 123400],
    ['reads several thousands groups', '1,234,567', 'JPY', '.', 1234567],
    ['takes the last of dot and comma as the decimal separator', '1,234.56', 'USD', '.', 123456],
    ['takes the last of dot and comma as the decimal separator in EU style', '1.234.567,89', 'EUR', ',', 123456789],
    ['reads space thousands separators', '1 234,56', 'EUR', ',', 123456],
    ['reads no-break and narrow no-break space separators', '1\u202f234\u00a0567,89', 'EUR', ',', 123456789],
    ['reads apostrophe thousands separators', "1'234.56", 'CHF', '.', 123456],
    ['reads Indian lakh grouping for rupees', '1,23,456.78', 'INR', '.', 12345678],
    ['trims spaces and no-break spaces', ' \u00a012.50\u202f ', 'USD', '.', 1250],
    ['reads a leading minus', '-4.14', 'USD', '.', -414],
    ['reads the Unicode minus sign', '\u22124,14', 'EUR', ',', -414],
    ['reads a leading plus', '+4.14', 'USD', '.', 414],
    ['reads a trailing minus', '4.14-', 'USD', '.', -414],
    ['reads parentheses as negative', '(4.14)', 'USD', '.', -414],
    ['reads a minus before the currency symbol', '-$4.14', 'USD', '.', -414],
    ['reads a minus after the currency symbol', '$-4.14', 'USD', '.', -414],
    ['reads a currency symbol inside parentheses', '($4.14)', 'USD', '.', -414],
    ['strips a currency code prefix', 'USD 12.50', 'USD', '.', 1250],
    ['strips a currency code suffix', '12,50 EUR', 'EUR', ',', 1250],
    ['strips a euro suffix', '12,50 €', 'EUR', ',', 1250],
    ['strips a pound prefix', '£7.99', 'GBP', '.', 799],
    ['strips a real prefix', 'R$ 1.234,50', 'BRL', ',', 123450],
    ['strips a yen prefix', '¥1,200', 'JPY', '.', 1200],
    ['strips a krona suffix', '1 234,50 kr', 'SEK', ',', 123450],
    ['strips a zloty suffix', '99,99 zł', 'PLN', ',', 9999],
    ['accepts extra decimals that are zeros', '12.500', 'USD', '.', 1250],
    ['accepts zero decimals on yen', '1200.00', 'JPY', '.', 1200],
    ['reads three decimals for dinars', '1.234', 'KWD', '.', 1234],
    ['reads a leading decimal separator', '.5', 'USD', '.', 50],
    ['never returns negative zero', '-0.00', 'USD', '.', 0],
    ['reads the largest safe amount', '90071992547409.91', 'USD', '.', Number.MAX_SAFE_INTEGER],
  ] as const)('%s: %j', (_name, text, currency, separator, expected) => {
    expect(Object.is(parseAmount(text, currency, separator), expected)).toBe(true);
  });

  it.each([
    ['refuses empty text', '', 'USD', '.', 'empty'],
    ['refuses a blank cell', ' ', 'USD', '.', 'empty'],
    ['refuses letters', 'abc', 'USD', '.', 'not an amount'],
    ['refuses letters after the digits', '12.50x', 'USD', '.', 'not an amount'],
    ['refuses two decimal points', '1.2.3', 'USD', '.', 'not an amount'],
    ['refuses separators out of place', '12,5,0', 'EUR', ',', 'expected a number like 12,50'],
    ['refuses thousands groups that are not of three', '1,23.45', 'USD', '.', 'not an amount'],
    ['refuses lakh grouping outside rupees', '1,23,456.78', 'USD', '.', 'not an amount'],
    ['refuses a foreign separator followed by four digits', '1,2345', 'USD', '.', 'not an amount'],
    ['refuses a trailing decimal separator', '12.', 'USD', '.', 'not an amount'],
    ['refuses mixed thousands separators', "1'234 567.00", 'USD', '.', 'not an amount'],
    ['refuses a lone sign', '-', 'USD', '.', 'not an amount'],
    ['refuses a currency code with no digits', 'EUR', 'EUR', ',', 'not an amount'],
    ['refuses two signs', '--4.14', 'USD', '.', 'not an amount'],
    ['refuses a sign inside parentheses', '(-4.14)', 'USD', '.', 'not an amount'],
    ['refuses an unclosed parenthesis', '(4.14', 'USD', '.', 'not an amount'],
    ['refuses non-zero cents beyond the currency', '12.505', 'USD', '.', 'has 3 decimals, but USD amounts have at most 2'],
    ['refuses decimals on yen', '1200.5', 'JPY', '.', 'JPY amounts have no decimals'],
    ['refuses a symbol of another currency', '€12.50', 'USD', '.', 'amounts are in USD'],
    ['refuses a code of another currency', '12,50 GBP', 'EUR', ',', 'amounts are in EUR'],
    ['refuses amounts beyond the safe integer range', '90071992547409.92', 'USD', '.', 'too large'],
    ['refuses absurdly long numbers', '9'.repeat(400), 'USD', '.', 'too large'],
    ['refuses an unknown currency', '12.50', 'XYZ', '.', 'Unknown currency'],
  ] as const)('%s: %j', (_name, text, currency, separator, message) => {
    const error = errorOf(() => parseAmount(text, currency, separator));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
  });
});

/** Writes minor units the way a report does: fixed decimals, optional thousands groups. */
function writeLikeReport(minor: number, exponent: number, decimal: '.' | ',', grouping: string): string {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const units = exponent === 0 ? digits : digits.slice(0, -exponent);
  const grouped = grouping === '' ? units : units.replace(/\B(?=(\d{3})+$)/g, grouping);
  return `${minor < 0 ? '-' : ''}${grouped}${exponent === 0 ? '' : decimal + digits.slice(-exponent)}`;
}

describe('parseAmount properties', () => {
  it('reads back every amount written the way a report writes it', () => {
    const layout = fc.constantFrom<['.' | ',', string]>(['.', ''], ['.', ','], ['.', ' '], ['.', "'"], [',', ''], [',', '.'], [',', ' ']);
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom(...supported), layout, (minor, currency, [separator, grouping]) => {
      const text = writeLikeReport(minor, currencyExponent(currency), separator, grouping);
      expect(parseAmount(text, currency, separator)).toBe(minor === 0 ? 0 : minor);
    }), { numRuns: 2000 });
  });

  it('reads a dot-decimal amount in a comma marketplace for two-decimal currencies', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
      expect(parseAmount(writeLikeReport(minor, 2, '.', ''), 'EUR', ',')).toBe(minor);
    }));
  });

  it('reads back what formatAmount writes in every marketplace locale', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom(...marketplaces), (minor, m) => {
      expect(parseAmount(formatAmount(minor, m.currency, m.locale), m.currency, m.decimalSeparator)).toBe(minor);
    }), { numRuns: 2000 });
  });
});
