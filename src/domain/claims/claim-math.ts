import { parseInstant } from '../deadlines/instant.js';
import { roundHalfAwayFromZero } from '../money.js';

// Small helpers the reconciliation files share: comparing report values and instants, and splitting
// an amount over units without losing a cent when all units are claimed.

/** A report code compared the way Amazon's files vary it: case, spaces, `_` and `-` ignored (`Carrier_Damaged` = `CARRIER DAMAGED`). */
export function codeOf(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Fast path for plain ASCII letters and digits (ids, most codes): lower-casing is all there is to do.
  let upper = false;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) upper = true;
    else return codeWithPunctuation(value);
  }
  return upper ? value.toLowerCase() : value;
}

// Report codes with spaces, `_`, `-` or non-ASCII letters repeat across rows (amount types,
// dispositions): normalize each text once.
const codeCache = new Map<string, string>();
const maxCachedCodes = 10_000;

function codeWithPunctuation(value: string): string {
  let code = codeCache.get(value);
  if (code === undefined) {
    code = value.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (codeCache.size >= maxCachedCodes) codeCache.clear();
    codeCache.set(value, code);
  }
  return code;
}

/** Whether `value` is one of `codes`, compared with {@link codeOf}; a blank value is never one. */
export function isOneOf(value: string | null | undefined, codes: readonly string[]): boolean {
  const code = codeOf(value);
  return code !== '' && codes.some((candidate) => codeOf(candidate) === code);
}

/** A trimmed id, or null when blank (report blanks are often a single space, reference §2.7). */
export function idOf(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Epoch milliseconds of an ISO-8601 instant; `invalid_input` DomainError when it is not one. */
export function instantOf(iso: string): number {
  return parseInstant(iso);
}

/** The earliest (`pick < 0`) or latest (`pick > 0`) of ISO instants; undefined for none. */
export function extremeInstant(isos: readonly string[], pick: -1 | 1): string | undefined {
  let best: string | undefined;
  for (const iso of isos) {
    if (best === undefined || Math.sign(instantOf(iso) - instantOf(best)) === pick) best = iso;
  }
  return best;
}

/**
 * The part of `totalMinor` that `units` of `ofUnits` units carry, rounded half away from zero.
 * Exact when all units are taken (`units === ofUnits` gives `totalMinor`), so a claim for every refunded
 * unit asks for the refund to the cent. `ofUnits` must be ≥ 1.
 */
export function shareOf(totalMinor: number, units: number, ofUnits: number): number {
  return units === ofUnits ? totalMinor : roundHalfAwayFromZero((totalMinor * units) / ofUnits);
}

/** Sum of numbers (0 for none). */
export function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
