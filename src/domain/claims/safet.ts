import type { CandidateDraft } from './candidate.js';
import { claimWindow } from './claim-window.js';
import { extremeInstant, shareOf } from './claim-math.js';
import type { OwedComponent, ProofRow } from './claim.js';
import { amountText, dayOf, inspectionProof, mfnReturnProof, orderLineProof, refundProof } from './proof-rows.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { MfnReturnFact, OrderFacts } from './reconcile-facts.js';
import { refundAdjustments } from './refunds.js';
import type { RefundAdjustment } from './refunds.js';
import { isSafetEligible, latestInspection, safetFinding } from './safet-finding.js';
import type { SafetFinding } from './safet-finding.js';
import { percentOf } from '../money.js';

const findingText: Readonly<Record<SafetFinding, string>> = {
  missing: 'the returned parcel was empty', wrong_item: 'a different item came back', damaged: 'the unit came back damaged by the buyer',
  used: 'the unit came back used', not_returned: 'no return was delivered',
};

/**
 * MFN SAFE-T candidates of the order (§4.8), one per eligible return with a finding (safet-finding.ts).
 * Owed: the refunded amount when nothing of value came back (missing, wrong item, not returned); for a
 * damaged or used unit, the refund capped at policy `safetDamageCapBps` of the order value of the
 * returned units (§4.5); then capped at `safetMaxPerOrderMinor`. Window `safet-filing` from the later
 * of return delivery and the refund's settlement posting (a delivery without a refund row on record
 * counts from the delivery: never later than the true start, so the deadline shown is never late).
 */
export function safetCandidates(facts: OrderFacts, context: ReconcileContext): CandidateDraft[] {
  const adjustments = refundAdjustments(facts);
  return facts.mfnReturns.flatMap((row) => {
    if (!isSafetEligible(row, facts, context)) return [];
    const refunds = adjustments.filter((a) => a.sku === row.sku.trim());
    const refundAt = extremeInstant(refunds.map((a) => a.postedAt), 1);
    const inspection = latestInspection(facts.inspections, row.caseId);
    const finding = safetFinding(row, inspection, refundAt, context);
    if (!finding) return [];
    const fromIso = finding === 'not_returned' ? refundAt! : extremeInstant([row.returnDeliveredAt, refundAt].filter((at): at is string => !!at), 1) ?? null;
    const proof = [mfnReturnProof(row), ...(inspection ? [inspectionProof(inspection)] : []), ...refunds.flatMap((a: RefundAdjustment) => a.rows.map(refundProof))];
    return [safetDraft(facts, row, finding, fromIso, proof, context)];
  });
}

function safetDraft(facts: OrderFacts, row: MfnReturnFact, finding: SafetFinding, fromIso: string | null, proof: ProofRow[], context: ReconcileContext): CandidateDraft {
  const { components, valueProof } = owedComponents(facts, row, finding, context);
  return {
    kind: 'safet',
    sku: row.sku.trim(),
    discriminator: row.rmaId.trim() || `case-${row.caseId}`,
    caseId: row.caseId,
    units: Math.max(1, row.returnQuantity),
    components,
    computation: `Amazon refunded ${amountText(row.refundedAmountMinor ?? 0, row.currency)} (${row.resolution ?? ''}) and ${findingText[finding]}; owed: ${components.map((c) => c.label).join(', ')}.`,
    window: claimWindow('safet-filing', facts.marketplaceCode, fromIso, context),
    proof: [...proof, ...valueProof],
    ids: { rmaId: row.rmaId, caseId: String(row.caseId), returnDeliveredAt: row.returnDeliveredAt ? dayOf(row.returnDeliveredAt) : null },
  };
}

function owedComponents(facts: OrderFacts, row: MfnReturnFact, finding: SafetFinding, context: ReconcileContext): { components: OwedComponent[]; valueProof: ProofRow[] } {
  const refund = row.refundedAmountMinor ?? 0;
  const components: OwedComponent[] = [];
  const valueProof: ProofRow[] = [];
  if (finding === 'damaged' || finding === 'used') {
    const value = orderValueOf(facts, row);
    const cap = percentOf(value.amountMinor, context.policy.safetDamageCapBps);
    if (value.proof) valueProof.push(value.proof);
    components.push(cap < refund
      ? { label: `${context.policy.safetDamageCapBps / 100}% of the order value ${amountText(value.amountMinor, row.currency)} (SAFE-T cap for buyer damage)`, amountMinor: cap }
      : { label: `the refund of ${amountText(refund, row.currency)}`, amountMinor: refund });
  } else {
    components.push({ label: `the refund of ${amountText(refund, row.currency)}`, amountMinor: refund });
  }
  const max = context.policy.safetMaxPerOrderMinor[row.currency];
  const owed = components[0]!.amountMinor;
  if (max !== undefined && owed > max) components.push({ label: `less the SAFE-T maximum of ${amountText(max, row.currency)} per order`, amountMinor: max - owed });
  return { components, valueProof };
}

// The order value of the returned units: the MFN report's order amount for them, else the All Orders
// item price for them, else the refund itself (then the cap applies to what Amazon refunded).
function orderValueOf(facts: OrderFacts, row: MfnReturnFact): { amountMinor: number; proof: ProofRow | null } {
  const units = Math.max(1, row.returnQuantity);
  if (row.orderAmountMinor !== null && row.orderAmountMinor > 0) {
    return { amountMinor: shareOf(row.orderAmountMinor, Math.min(units, row.orderQuantity ?? units), Math.max(1, row.orderQuantity ?? units)), proof: null };
  }
  const line = facts.orderLines.find((l) => l.sku.trim() === row.sku.trim() && l.itemPriceMinor !== null && l.quantity >= 1 && (l.currency ?? facts.currency) === facts.currency);
  if (line) return { amountMinor: shareOf(line.itemPriceMinor!, Math.min(units, line.quantity), line.quantity), proof: orderLineProof(line, facts.currency) };
  return { amountMinor: row.refundedAmountMinor ?? 0, proof: null };
}
