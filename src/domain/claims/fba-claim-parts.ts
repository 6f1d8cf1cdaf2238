import { shareOf } from './claim-math.js';
import type { OwedComponent, ProofRow } from './claim.js';
import type { FbaLine, UnitValue } from './fba-line.js';
import { amountText } from './proof-rows.js';
import { reimbursementProof } from './proof-rows.js';

// Pieces the FBA finders share: what a number of units is worth, and the ids and reimbursement
// rows every FBA claim text lists.

/** `units` units at a unit value, as one owed component ("2 × $24.99 refunded principal per unit"). */
export function unitsComponent(value: UnitValue, units: number, currency: string): OwedComponent {
  const amountMinor = shareOf(value.totalMinor, units, value.units);
  return { label: `${units} × ${perUnitText(value, currency)} ${value.basis} per unit`, amountMinor };
}

/** The per-unit amount of a value, as text (rounded to the cent when the total does not split evenly). */
export function perUnitText(value: UnitValue, currency: string): string {
  return amountText(shareOf(value.totalMinor, 1, value.units), currency);
}

/** Amazon's ids for an FBA order line: ASIN from the order line, FNSKU from the reimbursements report when it names one. */
export function lineIds(line: FbaLine): Record<string, string | null> {
  return { asin: line.orderLine?.asin ?? null, fnsku: knownFnsku(line) };
}

/**
 * The FNSKU Amazon reimburses the SKU under, when the line's reimbursement rows agree on exactly one
 * (the order line carries no FNSKU); null otherwise, and then no FNSKU comparison is made.
 */
export function knownFnsku(line: FbaLine): string | null {
  const fnskus = new Set(line.reimbursements.map((r) => r.original.fnsku?.trim() ?? '').filter((fnsku) => fnsku !== ''));
  return fnskus.size === 1 ? [...fnskus][0]! : null;
}

/** Every reimbursement and reversal row of the line: they show what Amazon already paid. */
export function reimbursementRows(line: FbaLine): ProofRow[] {
  return line.reimbursements.flatMap((r) => [r.original, ...r.reversals].map(reimbursementProof));
}
