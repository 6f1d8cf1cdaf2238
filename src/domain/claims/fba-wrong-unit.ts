import { codeOf } from './claim-math.js';
import { knownFnsku } from './fba-claim-parts.js';
import type { FbaLine } from './fba-line.js';
import { claimReturnedRows } from './fba-returned-rows.js';
import type { ReturnedRowsResult } from './fba-returned-rows.js';
import type { FbaReturnFact } from './reconcile-facts.js';
import type { ReconcileContext } from './reconcile-context.js';

/**
 * The line's returns that are not the unit shipped: the ASIN differs from the order line's, or the
 * FNSKU differs from the one the reimbursements report names for the SKU. A side that does not know
 * the value makes no comparison (a blank is never "different").
 */
export function wrongUnitRows(line: FbaLine): FbaReturnFact[] {
  if (line.returns.length === 0) return [];
  const asin = codeOf(line.orderLine?.asin);
  const fnsku = codeOf(knownFnsku(line));
  return line.returns.filter((row) => differs(row.asin, asin) || differs(row.fnsku, fnsku));
}

function differs(returned: string | null, expected: string): boolean {
  const code = codeOf(returned);
  return code !== '' && expected !== '' && code !== expected;
}

/**
 * FBA wrong unit returned: a return of another FNSKU/ASIN than the order line's (any disposition; the
 * seller's unit did not come back), not covered by a reimbursement left in `pool`, at most `budget`
 * units (claimReturnedRows). Valued at the refunded principal per unit, else the order line's item
 * price per unit.
 */
export function fbaWrongUnit(line: FbaLine, context: ReconcileContext, pool: number, rows: readonly FbaReturnFact[], budget: number): ReturnedRowsResult {
  if (rows.length === 0) return { drafts: [], poolLeft: pool, budgetLeft: Math.max(0, budget) };
  const expectedFnsku = knownFnsku(line);
  return claimReturnedRows(line, rows, {
    kind: 'fba_wrong_unit_returned',
    why: (row) => `FBA return LPN ${row.licensePlate} brought back ASIN ${row.asin ?? '?'} / FNSKU ${row.fnsku ?? '?'} where the order shipped ASIN ${line.orderLine?.asin ?? '?'} / FNSKU ${expectedFnsku ?? '?'}`,
    ids: (row) => ({ returnedAsin: row.asin, returnedFnsku: row.fnsku }),
  }, context, pool, budget);
}
