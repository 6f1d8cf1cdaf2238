// Reading one product sheet cell: amounts, currency codes, weights, ASIN/FNSKU codes and accessories.
// Each parser throws a CellError saying what is wrong; the row parser adds the line and column.
import { parseAmount } from '../domain/amount-text.js';
import { isDomainError } from '../domain/errors.js';
import { isKnownCurrency } from '../domain/money.js';
import type { WeightColumn } from './product-sheet-columns.js';
import { CellError } from './row-error.js';
import { cellText, numberText } from './product-sheet-table.js';
import type { Cell } from './product-sheet-table.js';

type UnitColumn = Exclude<WeightColumn, 'weight'>;
const gramsPer: Readonly<Record<UnitColumn, number>> = { weightG: 1, weightKg: 1000, weightLb: 453.59237, weightOz: 28.349523125 };
const unitWords: ReadonlyMap<string, UnitColumn> = new Map([
  ...['g', 'gr', 'gram', 'grams', '克'].map((unit) => [unit, 'weightG'] as const),
  ...['kg', 'kgs', 'kilogram', 'kilograms', '千克', '公斤'].map((unit) => [unit, 'weightKg'] as const),
  ...['lb', 'lbs', 'pound', 'pounds', '磅'].map((unit) => [unit, 'weightLb'] as const),
  ...['oz', 'ounce', 'ounces', '盎司'].map((unit) => [unit, 'weightOz'] as const),
]);

/** Reads a decimal number written as text, or an XLSX number; `1,200` style grouping is refused. */
function parseDecimal(cell: Cell, decimalSeparator: '.' | ','): number {
  if (typeof cell === 'number') return cell;
  const match = /^(\d+)(?:([.,])(\d+))?$/.exec(cell);
  if (!match) throw new CellError(`"${cell}" is not a number`);
  const [, whole, separator, fraction] = match;
  // `1.200` in a comma-decimal sheet could be 1.2 or 1200: ask rather than guess.
  if (separator && separator !== decimalSeparator && fraction!.length === 3) {
    throw new CellError(`"${cell}" is ambiguous: write it without a thousands separator, with "${decimalSeparator}" for decimals`);
  }
  return Number(`${whole}.${fraction ?? '0'}`);
}

/** Minor units of a price or cost (not below 0); an XLSX number has a decimal point whatever the marketplace. */
export function parseMoney(cell: Cell, currency: string, decimalSeparator: '.' | ','): number {
  let minor: number;
  try {
    minor = typeof cell === 'number' ? parseAmount(numberText(cell), currency, '.') : parseAmount(cell, currency, decimalSeparator);
  } catch (error) {
    if (isDomainError(error)) throw new CellError(error.message);
    throw error;
  }
  if (minor < 0) throw new CellError(`"${cellText(cell)}" is negative; an amount here cannot be below 0`);
  return minor;
}

export function parseCurrency(cell: Cell): string {
  const code = cellText(cell).toUpperCase();
  if (!isKnownCurrency(code)) throw new CellError(`"${cellText(cell)}" is not a currency code; write an ISO code such as USD, EUR or JPY`);
  return code;
}

/** Grams from `450 g`, `0,45 kg`, `16 oz`; in a unit column (weight_kg) a bare number takes its unit. */
export function parseWeight(cell: Cell, column: WeightColumn, decimalSeparator: '.' | ','): number {
  const columnUnit = column === 'weight' ? undefined : column;
  let unit = columnUnit;
  let amount = cell;
  const match = typeof cell === 'string' ? /^(.*?)\s*([a-z]+|[克千公斤磅盎司]+)$/iu.exec(cell) : null;
  if (match) {
    unit = unitWords.get(match[2]!.toLowerCase());
    if (!unit) throw new CellError(`"${cell}" has an unknown weight unit "${match[2]}"; use g, kg, lb or oz`);
    if (columnUnit && unit !== columnUnit) throw new CellError(`"${cell}" is in another unit than its column; write the number only`);
    amount = match[1]!;
  }
  if (!unit) throw new CellError(`"${cellText(cell)}" has no unit; write the weight like 450 g, 0.45 kg, 1.2 lb or 16 oz, or name the column weight_g`);
  const grams = Math.round(parseDecimal(amount, decimalSeparator) * gramsPer[unit]);
  if (grams <= 0) throw new CellError(`"${cellText(cell)}" is not a weight of 1 g or more (weights are kept in whole grams)`);
  return grams;
}

export function parseCode(cell: Cell, what: 'ASIN' | 'FNSKU'): string {
  const code = cellText(cell).toUpperCase();
  if (!/^[A-Z0-9]{10}$/.test(code)) throw new CellError(`"${cellText(cell)}" is not an ${what}: expected 10 letters and digits like ${what === 'ASIN' ? 'B07XJ8C8F5' : 'X001ABCDEF'}`);
  return code;
}

export function parseAccessories(cell: Cell): string[] {
  return cellText(cell).split(/[;；、|｜]/).map((item) => item.trim()).filter((item) => item !== '');
}
