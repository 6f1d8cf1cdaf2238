import { claimWindow } from './claim-window.js';
import type { CandidateDraft } from './candidate.js';
import type { ClaimKind } from './claim.js';
import { lineIds, reimbursementRows, unitsComponent } from './fba-claim-parts.js';
import { orderValue, refundStart, refundValue } from './fba-line.js';
import type { FbaLine, UnitValue } from './fba-line.js';
import type { PoolResult } from './fba-not-returned.js';
import { fbaReturnProof } from './proof-rows.js';
import type { FbaReturnFact } from './reconcile-facts.js';
import type { ReconcileContext } from './reconcile-context.js';

// The walk the damaged and wrong-unit finders share: per returned row (license plate), oldest first,
// units not yet covered by a reimbursement are owed at the refunded principal per unit, else at the
// order line's item price per unit. With neither there is nothing to value the claim with: no claim.

/** How a finder words its claim for one returned row. */
export interface ReturnedRowClaim {
  readonly kind: ClaimKind;
  readonly why: (row: FbaReturnFact) => string;
  readonly ids: (row: FbaReturnFact) => Record<string, string | null>;
}

/** Drafts found on returned rows, the reimbursed units left, and the units the line can still owe. */
export interface ReturnedRowsResult extends PoolResult {
  readonly budgetLeft: number;
}

/**
 * Drafts for `rows` of the line, taking reimbursed units from `pool` (a reimbursement for the unit
 * settles it), and claiming at most `budget` units in all (the ordered quantity less the units already
 * accounted for: claimed as not returned, reimbursed, or claimed by the other returned-row finder), so
 * a return listed twice or more returns than were ordered never claim more units than were sold.
 * Window `fba-reimbursement-claim` from the line's earliest refund, else the return date.
 */
export function claimReturnedRows(line: FbaLine, rows: readonly FbaReturnFact[], claim: ReturnedRowClaim, context: ReconcileContext, pool: number, budget: number): ReturnedRowsResult {
  // The value (and its proof texts) is worked out on the first row that owes a unit, if any.
  let value: UnitValue | null | undefined;
  const drafts: CandidateDraft[] = [];
  let left = pool;
  let budgetLeft = Math.max(0, budget);
  for (const row of rows) {
    const quantity = Math.max(0, row.quantity);
    const covered = Math.min(left, quantity);
    left -= covered;
    const units = Math.min(quantity - covered, budgetLeft);
    if (units < 1) continue;
    if (value === undefined) value = refundValue(line) ?? orderValue(line);
    if (value === null) continue;
    budgetLeft -= units;
    const capped = quantity - covered - units;
    const component = unitsComponent(value, units, line.facts.currency);
    drafts.push({
      kind: claim.kind,
      sku: line.sku,
      discriminator: row.licensePlate.trim() || `row-${row.rowId}`,
      units,
      components: [component],
      computation: `${claim.why(row)}; ${covered > 0 ? `${covered} of ${quantity} unit(s) already reimbursed, ` : 'no reimbursement found, '}`
        + `${capped > 0 ? `${capped} more unit(s) beyond the ordered quantity not claimed, ` : ''}so ${units} unit(s) are owed at ${component.label}.`,
      window: claimWindow('fba-reimbursement-claim', line.facts.marketplaceCode, refundStart(line, row.returnedAt), context),
      proof: [fbaReturnProof(row), ...value.proof, ...reimbursementRows(line)],
      ids: { ...lineIds(line), ...claim.ids(row), licensePlate: row.licensePlate },
    });
  }
  return { drafts, poolLeft: left, budgetLeft };
}
