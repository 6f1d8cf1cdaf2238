// Amounts as Amazon reports and product sheets write them (`$1,234.56`, `1.234,56 €`, `(4.14)`), read
// into integer minor units. Kept apart from money.ts: this is text parsing, not money arithmetic.
import { DomainError } from './errors.js';
import { currencyExponent, isKnownCurrency } from './money.js';

// Symbols as Amazon reports and Intl write them, with the currencies each may stand for.
const dollars = ['USD', 'CAD', 'MXN', 'AUD', 'SGD', 'NZD', 'HKD'];
const symbols: readonly (readonly [string, readonly string[]])[] = [
  ['US$', ['USD']], ['CA$', ['CAD']], ['AU$', ['AUD']], ['SG$', ['SGD']], ['MX$', ['MXN']],
  ['R$', ['BRL']], ['C$', ['CAD']], ['A$', ['AUD']], ['S$', ['SGD']], ['$', dollars],
  ['€', ['EUR']], ['£', ['GBP']], ['¥', ['JPY', 'CNY']], ['￥', ['JPY', 'CNY']], ['円', ['JPY']],
  ['₹', ['INR']], ['Rs.', ['INR']], ['Rs', ['INR']], ['kr', ['SEK', 'NOK', 'DKK', 'ISK']], ['zł', ['PLN']],
  ['د.إ.', ['AED']], ['د.إ', ['AED']], ['₩', ['KRW']],
];

// Char codes the parser compares against (`charCodeAt` keeps the loop free of string allocations).
const PLUS = 43, MINUS = 45, MINUS_SIGN = 0x2212, DOT = 46, COMMA = 44, ZERO = 48, NINE = 57;
const OPEN_PAREN = 40, CLOSE_PAREN = 41, APOSTROPHE = 39, RIGHT_QUOTE = 0x2019;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Spaces, no-break/narrow/thin spaces and the bidi marks Intl puts around Arabic amounts. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x200e || c === 0x200f || c === 0x61c;
}

/** 1 for a space-like thousands separator, 2 for an apostrophe (Swiss `1'234.50`), 0 otherwise. */
function grouperKind(c: number): number {
  if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009) return 1;
  return c === APOSTROPHE || c === RIGHT_QUOTE ? 2 : 0;
}

function notAnAmount(text: string, currency: string, decimalSeparator: '.' | ','): DomainError {
  const example = currencyExponent(currency) === 0
    ? (decimalSeparator === '.' ? '1200 or 1,200' : '1200 or 1.200')
    : (decimalSeparator === '.' ? '12.50 or 1,234.50' : '12,50 or 1.234,50');
  const message = text.trim() === ''
    ? `The amount is empty: expected a number like ${example}.`
    : `"${text}" is not an amount: expected a number like ${example}.`;
  return new DomainError('invalid_input', message, { text, currency });
}

/** Length of the currency symbol or code found at `[from, to)` (suffix when `atEnd`), 0 if none. */
function matchCurrency(text: string, from: number, to: number, atEnd: boolean, currency: string): number {
  const code = (atEnd ? text.slice(Math.max(from, to - 3), to) : text.slice(from, from + 3)).toUpperCase();
  const found = isKnownCurrency(code)
    ? [code, [code]] as const
    : symbols.find(([symbol]) => (atEnd ? to - symbol.length >= from && text.endsWith(symbol, to) : text.startsWith(symbol, from)));
  if (!found) return 0;
  if (!found[1].includes(currency)) {
    throw new DomainError('invalid_input', `"${text}" is marked ${found[0]}, but this report's amounts are in ${currency}: check the file's marketplace.`, { text, currency });
  }
  return found[0].length;
}

interface Bounds { start: number; end: number; negative: boolean }

function isMinus(c: number): boolean {
  return c === MINUS || c === MINUS_SIGN;
}

/** Strips blanks, sign, parentheses and currency around the digits; throws when anything else is left. */
function findNumberBounds(text: string, currency: string, decimalSeparator: '.' | ','): Bounds {
  let start = 0;
  let end = text.length;
  let sign = 0;
  let paren = 0;
  let currencySeen = false;
  for (;;) {
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    const c = text.charCodeAt(start);
    if (start >= end || isDigit(c) || c === DOT || c === COMMA) break;
    let skip = 1;
    if ((isMinus(c) || c === PLUS) && sign === 0) sign = c === PLUS ? 1 : -1;
    else if (c === OPEN_PAREN && paren === 0) paren = 1;
    else if (!currencySeen && (skip = matchCurrency(text, start, end, false, currency)) > 0) currencySeen = true;
    else throw notAnAmount(text, currency, decimalSeparator);
    start += skip;
  }
  for (;;) {
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    const c = text.charCodeAt(end - 1);
    if (end <= start || isDigit(c)) break;
    let skip = 1;
    if (isMinus(c) && sign === 0) sign = -1;
    else if (c === CLOSE_PAREN && paren === 1) paren = 2;
    else if (!currencySeen && (skip = matchCurrency(text, start, end, true, currency)) > 0) currencySeen = true;
    else throw notAnAmount(text, currency, decimalSeparator);
    end -= skip;
  }
  // `(-4.14)` or a lone parenthesis is ambiguous: refuse rather than guess the sign.
  if (end <= start || paren === 1 || (paren === 2 && sign !== 0)) throw notAnAmount(text, currency, decimalSeparator);
  return { start, end, negative: paren === 2 || sign < 0 };
}

/**
 * Index of the decimal separator in `[start, end)` (see {@link parseAmount}), -1 when there is
 * none, undefined when the separators are ambiguous or malformed. Any other separator before it is
 * a thousands separator, which the caller checks for groups of three.
 */
function findDecimalSeparator(text: string, start: number, end: number, decimalSeparator: '.' | ','): number | undefined {
  let dots = 0, commas = 0, lastDot = -1, lastComma = -1, grouper = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === DOT) { dots++; lastDot = i; continue; }
    if (c === COMMA) { commas++; lastComma = i; continue; }
    const kind = grouperKind(c);
    if (kind === 0 || (grouper !== 0 && grouper !== kind)) return undefined;
    grouper = kind;
  }
  if (dots > 0 && commas > 0) {
    const dotLast = lastDot > lastComma;
    return (dotLast ? dots : commas) > 1 || grouper !== 0 ? undefined : Math.max(lastDot, lastComma);
  }
  const count = dots + commas;
  if (count === 0) return -1;
  const last = Math.max(lastDot, lastComma);
  const digitsAfter = end - last - 1;
  // Amazon's EU API files sometimes write `12.50` although the marketplace writes `12,50`.
  if ((dots > 0) === (decimalSeparator === '.') || digitsAfter === 1 || digitsAfter === 2) {
    return count === 1 ? last : undefined;
  }
  return digitsAfter === 3 && grouper === 0 ? -1 : undefined;
}

/** Groups of three (`1,234,567`), or the Indian lakh grouping (`1,23,45,678`) for INR. */
function isValidGrouping(firstLen: number, allThree: boolean, allTwo: boolean, lastLen: number, currency: string): boolean {
  if (lastLen !== 3 || firstLen === 0) return false;
  return (firstLen <= 3 && allThree) || (currency === 'INR' && firstLen <= 2 && allTwo);
}

/** Reads the digits of `[start, end)` as minor units; -1 when the separators are malformed. */
function readMinor(text: string, start: number, end: number, currency: string, decimalSeparator: '.' | ','): number {
  const decimalAt = findDecimalSeparator(text, start, end, decimalSeparator);
  if (decimalAt === undefined) return -1;
  const intEnd = decimalAt < 0 ? end : decimalAt;
  let value = 0, len = 0, groups = 0, firstLen = 0, allThree = true, allTwo = true;
  for (let i = start; i < intEnd; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) { value = value * 10 + (c - ZERO); len++; continue; }
    if (groups === 0) firstLen = len;
    else { allThree &&= len === 3; allTwo &&= len === 2; }
    groups++;
    len = 0;
  }
  if (groups > 0 && !isValidGrouping(firstLen, allThree, allTwo, len, currency)) return -1;
  const exponent = currencyExponent(currency);
  let decimals = 0;
  for (let i = decimalAt + 1; decimalAt >= 0 && i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    if (decimals < exponent) value = value * 10 + (c - ZERO);
    else if (c !== ZERO) throw tooManyDecimals(text, currency, exponent, end - decimalAt - 1);
    decimals++;
  }
  if (decimalAt >= 0 && decimals === 0) return -1;
  for (let k = decimals; k < exponent; k++) value *= 10;
  // Digits accumulate exactly up to 2^53; past it the value only grows, so one check suffices.
  if (value > Number.MAX_SAFE_INTEGER) {
    throw new DomainError('invalid_input', `"${text}" is too large to be an amount.`, { text, currency });
  }
  return value;
}

function tooManyDecimals(text: string, currency: string, exponent: number, decimals: number): DomainError {
  const allowed = exponent === 0 ? 'no decimals' : `at most ${exponent}`;
  return new DomainError('invalid_input', `"${text}" has ${decimals} decimal${decimals === 1 ? '' : 's'}, but ${currency} amounts have ${allowed}.`, { text, currency });
}

/**
 * Parses an amount as an Amazon report writes it into integer minor units, exactly (`'0.29'` → 29).
 * Accepts blanks around it, a leading `-`/`+` or trailing `-`, `(4.14)` as negative, a currency
 * symbol or code before or after it (one that does not fit `currency` is an error), and thousands
 * separators (`,` `.` space or apostrophe, groups of three; lakh groups for INR).
 * With both `.` and `,` the last one is decimal. With one kind only, `decimalSeparator` (the
 * marketplace's) is decimal; the other kind is decimal too when it occurs once followed by 1–2
 * digits (`12.50` in a `,` marketplace), and thousands when followed by 3 (`1.234`).
 * Decimals beyond the currency's exponent must be zeros (`12.500` USD ok, `12.505` not).
 * Throws `invalid_input` for empty or malformed text and beyond `Number.MAX_SAFE_INTEGER`.
 */
export function parseAmount(text: string, currency: string, decimalSeparator: '.' | ','): number {
  currencyExponent(currency);
  const { start, end, negative } = findNumberBounds(text, currency, decimalSeparator);
  const minor = readMinor(text, start, end, currency, decimalSeparator);
  if (minor < 0) throw notAnAmount(text, currency, decimalSeparator);
  return negative && minor !== 0 ? -minor : minor;
}
