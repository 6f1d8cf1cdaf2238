// What Amazon paid, typed in the currency's major units ("24.99" or "24,99"), as the integer minor
// units the API takes. The currency's own number of decimals (0 for JPY) comes from Intl.

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The amount in minor units, or null when the text is not a plain non-negative amount with at most the currency's decimals. */
export function parseAmountMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d{1,13})(?:[.,](\d+))?$/.exec(text.trim());
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
