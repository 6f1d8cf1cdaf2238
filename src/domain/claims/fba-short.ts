import type { CandidateDraft } from './candidate.js';
import { claimWindow } from './claim-window.js';
import { shareOf } from './claim-math.js';
import { lineIds, perUnitText } from './fba-claim-parts.js';
import { orderValue, refundStart, refundValue } from './fba-line.js';
import type { FbaLine, UnitValue } from './fba-line.js';
import { amountText, dayOf, reimbursementProof } from './proof-rows.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { NetReimbursement } from './reimbursements.js';

/**
 * FBA reimbursed short: per reimbursement (net of its reversals), in the order's currency, with cash
 * units left: paid per cash unit < policy `shortReimbursementShareBps` of the expected unit value (the
 * order line's item price per unit, else the refunded principal per unit) → claim (expected − paid) ×
 * units, as two components (+expected, −paid). Inventory reimbursements (a unit back in stock) and
 * fully reversed ones are never short; other currencies are never compared. The short claims of the
 * line ask for at most `budget` units together (the ordered quantity less the units the other FBA
 * kinds claim): only reimbursements for more units than were ordered are cut, paid counted pro rata.
 */
export function fbaShort(line: FbaLine, context: ReconcileContext, budget: number): CandidateDraft[] {
  if (line.reimbursements.length === 0) return [];
  // The expected value (and its proof texts) is worked out for the first reimbursement that can be short.
  let expected: UnitValue | null | undefined;
  let left = Math.max(0, budget);
  const drafts: CandidateDraft[] = [];
  for (const net of line.reimbursements) {
    if (net.original.currency !== line.facts.currency || net.cashUnits < 1 || net.amountMinor <= 0) continue;
    const units = Math.min(net.cashUnits, left);
    if (units < 1) continue;
    if (expected === undefined) expected = orderValue(line) ?? refundValue(line);
    if (!expected) return [];
    const draft = shortDraft(line, net, expected, units, context);
    left -= draft?.units ?? 0;
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function shortDraft(line: FbaLine, net: NetReimbursement, expected: UnitValue, units: number, context: ReconcileContext): CandidateDraft | null {
  const { currency, marketplaceCode } = line.facts;
  const paidMinor = shareOf(net.amountMinor, units, net.cashUnits);
  const expectedMinor = shareOf(expected.totalMinor, units, expected.units);
  if (paidMinor * 10_000 >= expectedMinor * context.policy.shortReimbursementShareBps) return null;
  const id = net.original.reimbursementId.trim();
  const reversed = net.reversals.length > 0 ? ` net of ${net.reversals.length} reversal(s)` : '';
  return {
    kind: 'fba_reimbursed_short',
    sku: line.sku,
    discriminator: id,
    units,
    components: [
      { label: `${units} × ${perUnitText(expected, currency)} ${expected.basis} per unit expected`, amountMinor: expectedMinor },
      { label: `Paid by reimbursement ${id}${reversed}${units < net.cashUnits ? ` for ${units} of its ${net.cashUnits} cash unit(s)` : ''}`, amountMinor: -paidMinor },
    ],
    computation: `Reimbursement ${id} approved ${dayOf(net.original.approvedAt)} paid ${amountText(paidMinor, currency)}${reversed} for ${units} unit(s), `
      + `below ${context.policy.shortReimbursementShareBps / 100}% of the expected ${amountText(expectedMinor, currency)} (${expected.basis}); the difference is owed.`,
    window: claimWindow('fba-reimbursement-claim', marketplaceCode, refundStart(line, net.original.approvedAt), context),
    proof: [reimbursementProof(net.original), ...net.reversals.map(reimbursementProof), ...expected.proof],
    ids: { ...lineIds(line), reimbursementId: id, reimbursementCaseReason: net.original.reason },
  };
}
