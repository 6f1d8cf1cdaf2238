import { claimWindow } from './claim-window.js';
import type { CandidateDraft } from './candidate.js';
import { sumOf } from './claim-math.js';
import { lineIds, reimbursementRows, unitsComponent } from './fba-claim-parts.js';
import { orderedUnits } from './fba-line.js';
import type { FbaLine } from './fba-line.js';
import { amountText, dayOf, fbaReturnProof, orderLineProof, refundProof } from './proof-rows.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { RefundAdjustment } from './refunds.js';

/** Drafts found on an FBA line, and how many reimbursed units are left for the next finder. */
export interface PoolResult {
  readonly drafts: readonly CandidateDraft[];
  readonly poolLeft: number;
}

/**
 * FBA refunded, not returned (§4.9): refunded units − units back at a fulfilment centre (any
 * disposition, any date: a unit that came back, even one day into the claim window, settles it) −
 * units reimbursed (net of reversals, taken from `pool`) > 0. Refunded units count at most the ordered
 * quantity. Returns and reimbursements match the NEWEST refunds first, so the open units stay on the
 * oldest adjustments: a claim found on a refund keeps its key and its (earliest) window when a later
 * refund and a return arrive. One candidate per adjustment, owed = that adjustment's refunded principal
 * per unit × open units, window `fba-reimbursement-claim` from its posted date. A candidate before the
 * window opens is still one (Amazon may reimburse on its own by then; the window says when it can be filed).
 */
export function fbaNotReturned(line: FbaLine, context: ReconcileContext, pool: number): PoolResult {
  const refunded = sumOf(line.refunds.map((a) => a.units));
  const returned = sumOf(line.returns.map((r) => Math.max(0, r.quantity)));
  const missing = Math.max(0, Math.min(refunded, orderedUnits(line)) - returned);
  const reimbursed = Math.min(pool, missing);
  let open = missing - reimbursed;
  const drafts: CandidateDraft[] = [];
  for (const adjustment of line.refunds) {
    const units = Math.min(open, adjustment.units);
    open -= units;
    if (units > 0) drafts.push(draft(line, adjustment, units, { refunded, returned, reimbursed }, context));
  }
  return { drafts, poolLeft: pool - reimbursed };
}

/** Units the drafts claim. */
export function unitsOf(drafts: readonly CandidateDraft[]): number {
  return sumOf(drafts.map((d) => d.units));
}

interface Counts { readonly refunded: number; readonly returned: number; readonly reimbursed: number }

function draft(line: FbaLine, adjustment: RefundAdjustment, units: number, counts: Counts, context: ReconcileContext): CandidateDraft {
  const { currency, marketplaceCode } = line.facts;
  const value = { totalMinor: adjustment.principalMinor, units: adjustment.units, basis: 'refunded principal', proof: [] };
  return {
    kind: 'fba_refunded_not_returned',
    sku: line.sku,
    discriminator: adjustment.adjustmentId,
    units,
    components: [unitsComponent(value, units, currency)],
    computation: `Refund ${adjustment.adjustmentId} of ${amountText(adjustment.principalMinor, currency)} for ${adjustment.units} unit(s) posted ${dayOf(adjustment.postedAt)}; `
      + `of ${counts.refunded} refunded unit(s) of SKU ${line.sku}, ${counts.returned} came back to a fulfilment centre and ${counts.reimbursed} more were reimbursed, `
      + `so ${units} unit(s) are owed at the refunded principal per unit.`,
    window: claimWindow('fba-reimbursement-claim', marketplaceCode, adjustment.postedAt, context),
    proof: [...adjustment.rows.map(refundProof), ...(line.orderLine ? [orderLineProof(line.orderLine, currency)] : []), ...line.returns.map(fbaReturnProof), ...reimbursementRows(line)],
    ids: { ...lineIds(line), adjustmentId: adjustment.adjustmentId },
  };
}
