import { idOf, sumOf } from './claim-math.js';
import type { ReimbursementFact } from './reconcile-facts.js';

// The FBA reimbursements report net of its reversals (reference §2.4): a reversal row names the
// reimbursement it takes back in `original-reimbursement-id`, for some or all of its units and money.

/** A reimbursement as it stands after its reversals. */
export interface NetReimbursement {
  readonly original: ReimbursementFact;
  readonly reversals: readonly ReimbursementFact[];
  /** Units still reimbursed (cash and inventory), ≥ 0. */
  readonly units: number;
  /** Units still reimbursed in cash, ≥ 0, never more than `units`. */
  readonly cashUnits: number;
  /** Money still paid, minor units of `original.currency`. */
  readonly amountMinor: number;
}

/** A reversal takes money or units back and names what it reverses. */
export function isReversal(row: ReimbursementFact): boolean {
  return idOf(row.originalReimbursementId) !== null && (row.amountTotalMinor < 0 || row.quantityTotal < 0 || row.quantityCash < 0);
}

/**
 * Each reimbursement (not a reversal) with its reversals applied. A reimbursement is identified by its
 * id and SKU, as the importer keys the rows: one reimbursement id can pay several SKUs of an order, one
 * row each. Rows repeated across imports count once (same id and SKU). A reversal applies to the
 * original of its own SKU (`original-reimbursement-id` + SKU). Reversal quantities count by size
 * whatever their sign; a reversal that names no units but takes back all the money cancels every unit,
 * one that takes back part of the money only lowers the amount (which may make the reimbursement
 * short). A reversal whose original is not in the rows is ignored: it cannot be tied to a unit of this order.
 */
export function netReimbursements(rows: readonly ReimbursementFact[]): NetReimbursement[] {
  const unique = [...new Map(rows.map((row) => [identityOf(row.reimbursementId, row.sku), row] as const)).values()];
  const reversals = unique.filter(isReversal);
  return unique.filter((row) => !isReversal(row)).map((original) => {
    const identity = identityOf(original.reimbursementId, original.sku);
    const own = reversals.filter((reversal) => identityOf(reversal.originalReimbursementId, reversal.sku) === identity);
    return applyReversals(original, own);
  });
}

// A reimbursement's identity: id and SKU, trimmed (report blanks are often a single space).
function identityOf(reimbursementId: string | null, sku: string): string {
  return JSON.stringify([idOf(reimbursementId), idOf(sku)]);
}

function applyReversals(original: ReimbursementFact, reversals: readonly ReimbursementFact[]): NetReimbursement {
  const amountMinor = original.amountTotalMinor + sumOf(reversals.map((row) => row.amountTotalMinor));
  const allMoneyBack = original.amountTotalMinor > 0 && amountMinor <= 0;
  const totalUnits = Math.max(original.quantityTotal, original.quantityCash + original.quantityInventory);
  const units = allMoneyBack ? original.quantityInventory : Math.max(0, totalUnits - sumOf(reversals.map(reversedUnits)));
  const cash = allMoneyBack ? 0 : Math.max(0, original.quantityCash - sumOf(reversals.map((row) => Math.abs(row.quantityCash))));
  return { original, reversals, units: Math.max(0, Math.min(units, totalUnits)), cashUnits: Math.min(cash, units), amountMinor };
}

function reversedUnits(row: ReimbursementFact): number {
  return Math.max(Math.abs(row.quantityTotal), Math.abs(row.quantityCash) + Math.abs(row.quantityInventory));
}
