/** Cell formats of Amazon's flat files: dates, amounts, and tab-delimited lines. */
import { currencyExponent } from '../../domain/money.js';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `2025-06-05T15:31:40+00:00`: the time shifted into the offset, as the API files write it. */
export function formatIsoWithOffset(ms: number, offsetMinutes = 0): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `10-Jul-2025` (UTC day), the MFN returns report's date format. */
export function formatDayMonthYear(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCDate())}-${monthNames[date.getUTCMonth()]}-${date.getUTCFullYear()}`;
}

/** `2025-07-10` (UTC day). */
export function formatIsoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * An amount in minor units as the marketplace's files write it: `-12.50`, `12,50` (EU), `1480` (JPY).
 * `decimals` forces a number of decimals (Amazon JP's order files write yen as `1480.00`).
 */
export function formatAmount(minor: number, currency: string, separator: '.' | ',', decimals?: number): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  const whole = Math.floor(abs / unit);
  const fraction = exponent > 0 ? pad(abs % unit, exponent) : '';
  const digits = (fraction + '0'.repeat(Math.max(0, (decimals ?? exponent) - exponent))).slice(0, decimals ?? exponent);
  return digits ? `${sign}${whole}${separator}${digits}` : `${sign}${whole}`;
}

/** A whole file: header line, then rows, each ended by `lineEnding`. */
export function joinLines(header: readonly string[], rows: readonly (readonly string[])[], lineEnding: string, delimiter = '\t'): string {
  return [header, ...rows].map((cells) => cells.join(delimiter) + lineEnding).join('');
}
