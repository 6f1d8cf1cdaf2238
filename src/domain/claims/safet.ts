import type { CandidateDraft } from './candidate.js';
import { claimWindow } from './claim-window.js';
import { extremeInstant, idOf, instantOf, shareOf, sumOf } from './claim-math.js';
import type { OwedComponent, ProofRow } from './claim.js';
import { amountText, dayOf, inspectionProof, mfnReturnProof, orderLineProof, refundProof } from './proof-rows.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { MfnReturnFact, OrderFacts } from './reconcile-facts.js';
import { refundAdjustments } from './refunds.js';
import type { RefundAdjustment } from './refunds.js';
import { hasSafetClaim, isSafetEligible, latestInspection, safetFinding } from './safet-finding.js';
import type { SafetFinding } from './safet-finding.js';
import { percentOf } from '../money.js';

const findingText: Readonly<Record<SafetFinding, string>> = {
  missing: 'the returned parcel was empty', wrong_item: 'a different item came back', damaged: 'the unit came back damaged by the buyer',
  used: 'the unit came back used', not_returned: 'no return was delivered',
};

/**
 * MFN SAFE-T candidates of the order (§4.8), one per eligible return with a finding (safet-finding.ts);
 * none when the order already has a SAFE-T claim (one per order). A return listed twice (same SKU and
 * RMA, or case without RMA) counts once. Owed: the refunded amount when nothing of value came back
 * (missing, wrong item, not returned); for a damaged or used unit, the refund capped at policy
 * `safetDamageCapBps` of the order value of the returned units (§4.5). Then the policy
 * `safetMaxPerOrderMinor` caps the order as a whole: candidates are taken in window order (earliest
 * start first, then key) and a later one is reduced by what the earlier ones already claim (down to no
 * claim), with a component saying so, so the order's candidates never sum to more than the maximum.
 *
 * Window `safet-filing` from the later of return delivery and the refund tied to this return: the
 * earliest settlement refund of the SKU posted on or after the return request date, else the SKU's
 * earliest refund (never a later refund of another return of the SKU). The refund of a return posts
 * after its request, so the tied refund is never later than the true one, nor is the window shown
 * later than the real one; a delivery without a refund row on record counts from the delivery.
 */
export function safetCandidates(facts: OrderFacts, context: ReconcileContext, orderAdjustments?: readonly RefundAdjustment[]): CandidateDraft[] {
  if (facts.mfnReturns.length === 0 || hasSafetClaim(facts)) return [];
  const adjustments = orderAdjustments ?? refundAdjustments(facts);
  const found = new Map<string, Found>();
  for (const row of facts.mfnReturns) {
    if (!isSafetEligible(row, facts, context)) continue;
    const sku = row.sku.trim();
    const identity = `${sku.length}:${sku}|${discriminatorOf(row)}`;
    if (found.has(identity)) continue;
    const refunds = adjustments.filter((a) => a.sku === row.sku.trim());
    const refundAt = tiedRefund(row, refunds)?.postedAt;
    const inspection = latestInspection(facts.inspections, row.caseId);
    const finding = safetFinding(row, inspection, refundAt, context);
    if (!finding) continue;
    const fromIso = finding === 'not_returned' ? refundAt! : extremeInstant([row.returnDeliveredAt, refundAt].filter((at): at is string => !!at), 1) ?? null;
    const proof = [mfnReturnProof(row), ...(inspection ? [inspectionProof(inspection)] : []), ...refunds.flatMap((a: RefundAdjustment) => a.rows.map(refundProof))];
    found.set(identity, { row, finding, fromIso, proof, ...owedComponents(facts, row, finding, context) });
  }
  return withOrderMaximum([...found.values()], facts.currency, context).map((one) => safetDraft(facts, one, context));
}

/** An eligible return with a finding, before the per-order maximum. */
interface Found {
  readonly row: MfnReturnFact;
  readonly finding: SafetFinding;
  readonly fromIso: string | null;
  readonly proof: readonly ProofRow[];
  readonly components: readonly OwedComponent[];
  readonly valueProof: readonly ProofRow[];
}

function discriminatorOf(row: MfnReturnFact): string {
  return row.rmaId.trim() || `case-${row.caseId}`;
}

/**
 * The refund tied to a return: the earliest of the SKU's refunds (oldest first) posted on or after the
 * return request date; without a request date, or with no refund posted since, the earliest refund.
 */
function tiedRefund(row: MfnReturnFact, refunds: readonly RefundAdjustment[]): RefundAdjustment | undefined {
  const requestedAt = idOf(row.returnRequestedAt);
  const requested = requestedAt === null ? null : instantOf(requestedAt);
  return (requested === null ? undefined : refunds.find((a) => instantOf(a.postedAt) >= requested)) ?? refunds[0];
}

// The per-order maximum over all the order's candidates: earliest window first (no window last), then
// by key; each is reduced by what the ones before it already claim.
function withOrderMaximum(found: readonly Found[], currency: string, context: ReconcileContext): Found[] {
  const max = context.policy.safetMaxPerOrderMinor[currency];
  if (max === undefined || found.length === 0) return [...found];
  const startOf = (one: Found) => (one.fromIso === null ? Number.POSITIVE_INFINITY : instantOf(one.fromIso));
  const keyOf = (one: Found) => `${one.row.sku.trim()}:${discriminatorOf(one.row)}`;
  const ordered = [...found].sort((a, b) => startOf(a) - startOf(b) || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  let claimed = 0;
  return ordered.map((one) => {
    const owed = sumOf(one.components.map((c) => c.amountMinor));
    const earlier = claimed;
    const room = Math.max(0, max - earlier);
    claimed += Math.min(owed, room);
    if (owed <= room) return one;
    const label = `less the SAFE-T maximum of ${amountText(max, currency)} per order${earlier > 0 ? ` (${amountText(earlier, currency)} already claimed on other returns of the order)` : ''}`;
    return { ...one, components: [...one.components, { label, amountMinor: room - owed }] };
  });
}

function safetDraft(facts: OrderFacts, one: Found, context: ReconcileContext): CandidateDraft {
  const { row, finding, components } = one;
  return {
    kind: 'safet',
    sku: row.sku.trim(),
    discriminator: discriminatorOf(row),
    caseId: row.caseId,
    units: Math.max(1, row.returnQuantity),
    components,
    computation: `Amazon refunded ${amountText(row.refundedAmountMinor ?? 0, row.currency)} (${row.resolution ?? ''}) and ${findingText[finding]}; owed: ${components.map((c) => c.label).join(', ')}.`,
    window: claimWindow('safet-filing', facts.marketplaceCode, one.fromIso, context),
    proof: [...one.proof, ...one.valueProof],
    ids: { rmaId: row.rmaId, caseId: String(row.caseId), returnDeliveredAt: row.returnDeliveredAt ? dayOf(row.returnDeliveredAt) : null },
  };
}

// What one return is owed before the per-order maximum.
function owedComponents(facts: OrderFacts, row: MfnReturnFact, finding: SafetFinding, context: ReconcileContext): { components: OwedComponent[]; valueProof: ProofRow[] } {
  const refund = row.refundedAmountMinor ?? 0;
  const valueProof: ProofRow[] = [];
  if (finding === 'damaged' || finding === 'used') {
    const value = orderValueOf(facts, row);
    const cap = percentOf(value.amountMinor, context.policy.safetDamageCapBps);
    if (value.proof) valueProof.push(value.proof);
    return { components: [cap < refund
      ? { label: `${context.policy.safetDamageCapBps / 100}% of the order value ${amountText(value.amountMinor, row.currency)} (SAFE-T cap for buyer damage)`, amountMinor: cap }
      : { label: `the refund of ${amountText(refund, row.currency)}`, amountMinor: refund }], valueProof };
  }
  return { components: [{ label: `the refund of ${amountText(refund, row.currency)}`, amountMinor: refund }], valueProof };
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
