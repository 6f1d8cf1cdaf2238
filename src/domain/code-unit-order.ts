/**
 * Orders text by UTF-16 code units, not by `localeCompare`: the same on every machine whatever its ICU
 * locale, for ids, SKUs, months and keys that are compared, not read.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
