import { isOneOf } from './claim-math.js';
import type { FbaLine } from './fba-line.js';
import { claimReturnedRows } from './fba-returned-rows.js';
import type { ReturnedRowsResult } from './fba-returned-rows.js';
import { dayOf } from './proof-rows.js';
import type { FbaReturnFact } from './reconcile-facts.js';
import type { ReconcileContext } from './reconcile-context.js';

/**
 * FBA damaged, not reimbursed: returns whose detailed disposition says Amazon or the carrier damaged
 * the unit (policy `amazonFaultDispositions`: DAMAGED, CARRIER_DAMAGED; ownership passed to Amazon,
 * §2.1) with no reimbursement left in `pool` for those units. `exclude` holds rows already claimed as a
 * wrong unit (one unit is never claimed twice); at most `budget` units are claimed (claimReturnedRows).
 * Valued at the refunded principal per unit, else the order line's item price per unit.
 */
export function fbaDamaged(line: FbaLine, context: ReconcileContext, pool: number, exclude: ReadonlySet<FbaReturnFact>, budget: number): ReturnedRowsResult {
  const rows = line.returns.filter((row) => !exclude.has(row) && isOneOf(row.detailedDisposition, context.policy.amazonFaultDispositions));
  if (rows.length === 0) return { drafts: [], poolLeft: pool, budgetLeft: Math.max(0, budget) };
  return claimReturnedRows(line, rows, {
    kind: 'fba_damaged_not_reimbursed',
    why: (row) => `FBA return LPN ${row.licensePlate} of ${row.quantity} unit(s) processed ${dayOf(row.returnedAt)} with disposition ${row.detailedDisposition ?? ''} (damaged by Amazon or the carrier)`,
    ids: (row) => ({ returnedFnsku: row.fnsku }),
  }, context, pool, budget);
}
