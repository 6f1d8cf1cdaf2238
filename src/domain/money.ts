import { DomainError } from './errors.js';

/** An amount of money: integer minor units (cents, pence, yen) of an ISO 4217 currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

// ISO 4217 minor-unit exponents: the currencies of Amazon's marketplaces plus a few neighbours.
const exponents: ReadonlyMap<string, number> = new Map([
  ...['JPY', 'KRW', 'CLP', 'ISK', 'VND'].map((code) => [code, 0] as const),
  ...['USD', 'EUR', 'GBP', 'CAD', 'MXN', 'BRL', 'SEK', 'PLN', 'AUD', 'AED', 'SGD', 'INR', 'CHF', 'CZK',
    'DKK', 'NOK', 'HUF', 'TRY', 'SAR', 'EGP', 'ZAR', 'NZD', 'HKD', 'CNY'].map((code) => [code, 2] as const),
  ...['KWD', 'BHD', 'OMR', 'JOD', 'TND'].map((code) => [code, 3] as const),
]);

/**
 * Decimals of the currency's minor unit (JPY 0, USD 2, KWD 3). `currency` is an uppercase ISO 4217
 * code; an unknown code is an `invalid_input` DomainError naming it.
 */
export function currencyExponent(currency: string): number {
  const exponent = exponents.get(currency);
  if (exponent === undefined) {
    throw new DomainError('invalid_input', `Unknown currency "${currency}": use an ISO 4217 code such as USD, EUR or JPY.`, { currency });
  }
  return exponent;
}

/** Whether `code` is an uppercase ISO 4217 code ReturnDesk knows the minor unit of. */
export function isKnownCurrency(code: string): boolean {
  return exponents.has(code);
}

function requireMinor(amountMinor: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new DomainError('invalid_input', `The ${what} ${amountMinor} is not a whole number of minor units (cents).`, { amountMinor });
  }
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units for display in `locale` (`formatAmount(123456, 'EUR', 'de-DE')` → `1.234,56 €`),
 * with exactly the currency's decimals. The amount goes to Intl as a decimal string, so no float
 * ever rounds it. An unknown currency or locale is `invalid_input`.
 */
export function formatAmount(amountMinor: number, currency: string, locale: string): string {
  requireMinor(amountMinor);
  const exponent = currencyExponent(currency);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    } catch {
      throw new DomainError('invalid_input', `Unknown locale "${locale}": use a tag such as en-US or de-DE.`, { locale });
    }
    formatters.set(key, formatter);
  }
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const decimal = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return formatter.format(`${amountMinor < 0 ? '-' : ''}${decimal}` as Intl.StringNumericLiteral);
}

/**
 * THE rounding helper of ReturnDesk: rounds to the nearest integer, halves away from zero
 * (2.5 → 3, -2.5 → -3). That is commercial rounding, the way sellers expect it and the way
 * Seller Central displays fees and refunds; banker's rounding or Math.round (-2.5 → -2) would make
 * our figures differ from Amazon's by a cent. Never returns -0. Non-finite input is `invalid_input`.
 */
export function roundHalfAwayFromZero(value: number): number {
  if (!Number.isFinite(value)) throw new DomainError('invalid_input', `Cannot round ${value}: not a finite number.`, { value });
  const rounded = Math.round(Math.abs(value));
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** `amount × numerator ÷ denominator` (safe integers, denominator > 0), exactly, rounded half away from zero. */
function scaleRounded(amountMinor: number, numerator: number, denominator: number): number {
  const product = amountMinor * numerator;
  if (!Number.isSafeInteger(product)) {
    const big = BigInt(amountMinor) * BigInt(numerator), divisor = BigInt(denominator);
    const abs = big < 0n ? -big : big;
    const quotient = abs / divisor + (2n * (abs % divisor) >= divisor ? 1n : 0n);
    return requireResult(Number(big < 0n ? -quotient : quotient));
  }
  // `%` is exact on integers, so this is exact integer division with a half-away-from-zero tie.
  const abs = Math.abs(product);
  const remainder = abs % denominator;
  const quotient = (abs - remainder) / denominator + (2 * remainder >= denominator ? 1 : 0);
  return product < 0 && quotient !== 0 ? -quotient : quotient;
}

function requireResult(amountMinor: number): number {
  requireMinor(amountMinor, 'result');
  return amountMinor;
}

/**
 * Multiplies minor units by a factor (`multiplyMinor(2999, 0.2)` → 600, a 20% restocking fee),
 * rounded half away from zero. The factor counts as the decimal it prints as (`1.005` is exactly
 * 1005/1000), so float noise never moves a half cent. Non-integer amounts or non-finite factors
 * are `invalid_input`.
 */
export function multiplyMinor(amountMinor: number, factor: number): number {
  requireMinor(amountMinor);
  if (!Number.isFinite(factor)) throw new DomainError('invalid_input', `Cannot multiply by ${factor}: not a finite number.`, { factor });
  const text = String(factor);
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  const numerator = Number(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1));
  // Exponent notation (`1e-7`) never gives an integer numerator and takes the float path.
  return Number.isSafeInteger(numerator) && decimals <= 15
    ? scaleRounded(amountMinor, numerator, 10 ** decimals)
    : requireResult(roundHalfAwayFromZero(amountMinor * factor));
}

/**
 * `basisPoints` (1/100 of a percent: 2000 = 20%, 10000 = 100%) of an amount in minor units,
 * rounded half away from zero; exact integer arithmetic for whole basis points.
 */
export function percentOf(amountMinor: number, basisPoints: number): number {
  requireMinor(amountMinor);
  return Number.isSafeInteger(basisPoints) ? scaleRounded(amountMinor, basisPoints, 10_000) : multiplyMinor(amountMinor, basisPoints / 10_000);
}

function requireSameCurrency(a: Money, b: Money, verb: string): void {
  if (a.currency !== b.currency) {
    throw new DomainError('invalid_input', `Cannot ${verb} an amount in ${b.currency} and one in ${a.currency}: amounts in different currencies never mix.`, { currencies: [a.currency, b.currency] });
  }
}

function toMoney(amountMinor: number, currency: string): Money {
  requireMinor(amountMinor, 'total');
  return { amountMinor, currency };
}

/** `a + b`; both must share a currency (else `invalid_input`), the sum must stay a safe integer. */
export function addMoney(a: Money, b: Money): Money {
  requireSameCurrency(a, b, 'add');
  return toMoney(a.amountMinor + b.amountMinor, a.currency);
}

/** `a - b`; both must share a currency (else `invalid_input`). */
export function subtractMoney(a: Money, b: Money): Money {
  requireSameCurrency(a, b, 'subtract');
  return toMoney(a.amountMinor - b.amountMinor, a.currency);
}

/** Sum of `items`, all in `currency` (else `invalid_input`); an empty list is zero in `currency`. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  currencyExponent(currency);
  let total: Money = { amountMinor: 0, currency };
  for (const item of items) total = addMoney(total, item);
  return total;
}
