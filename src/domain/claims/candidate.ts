import type { ClaimCandidate, ClaimKind, ClaimWindow, OwedComponent, ProofRow } from './claim.js';
import { sumOf } from './claim-math.js';
import type { OrderFacts } from './reconcile-facts.js';

/** A candidate before its key and total: what each finder (fba-*.ts, safet.ts) works out. */
export interface CandidateDraft {
  readonly kind: ClaimKind;
  readonly sku: string;
  /** What tells this claim apart from others of its kind on the same order line (adjustment, LPN, reimbursement, RMA). */
  readonly discriminator: string;
  readonly caseId?: number | null;
  readonly units: number;
  readonly components: readonly OwedComponent[];
  readonly computation: string;
  readonly window: ClaimWindow | null;
  readonly proof: readonly ProofRow[];
  readonly ids: Readonly<Record<string, string | null | undefined>>;
}

/**
 * The candidate of a draft: key `kind:marketplace:order:sku:discriminator` (stable across runs, so a
 * found claim keeps its status), owed = exactly the sum of the components, ids without blanks, proof
 * rows once each. Null when nothing is owed or no unit is concerned: no claim for 0.
 */
export function toCandidate(facts: OrderFacts, draft: CandidateDraft): ClaimCandidate | null {
  const owedMinor = sumOf(draft.components.map((component) => component.amountMinor));
  if (owedMinor <= 0 || draft.units < 1) return null;
  const ids: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.ids)) {
    if (value !== null && value !== undefined && value.trim() !== '') ids[name] = value.trim();
  }
  const proof = [...new Map(draft.proof.map((row) => [`${row.source}:${row.rowId}`, row] as const)).values()];
  return {
    kind: draft.kind,
    key: [draft.kind, facts.marketplaceCode, facts.orderId, draft.sku, draft.discriminator].join(':'),
    marketplaceCode: facts.marketplaceCode,
    currency: facts.currency,
    orderId: facts.orderId,
    sku: draft.sku,
    caseId: draft.caseId ?? facts.caseIds[draft.sku] ?? null,
    units: draft.units,
    owedMinor,
    components: draft.components,
    computation: draft.computation,
    window: draft.window,
    proof,
    ids: { orderId: facts.orderId, sku: draft.sku, ...ids },
  };
}
