// What ReturnDesk finds that Amazon owes the seller (issue 5, reference §2.4–2.6, §4.8, §4.9): the
// shared shapes of the reconciliation (reconcile*.ts), the claim texts and the evidence packets.

/** The kinds of money Amazon may owe on a return. */
export const claimKinds = [
  /** FBA: the customer was refunded, no unit came back to a fulfilment centre, no reimbursement (§4.9). */
  'fba_refunded_not_returned',
  /** FBA: the unit came back damaged by Amazon or the carrier (DAMAGED, CARRIER_DAMAGED), no reimbursement. */
  'fba_damaged_not_reimbursed',
  /** FBA: a reimbursement well below the unit's expected value. */
  'fba_reimbursed_short',
  /** FBA: a different FNSKU/ASIN came back to stock than the unit shipped. */
  'fba_wrong_unit_returned',
  /** MFN: a refund Amazon issued where the unit came back damaged, used, different or not at all (§4.8). */
  'safet',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** Where a claim stands; `expired` means its window closed before it was filed (money lost). */
export const claimStatuses = ['open', 'filed', 'won', 'partly_won', 'lost', 'expired'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** The report tables a proof row can come from. */
export const proofSources = ['settlement_refunds', 'fba_returns', 'mfn_returns', 'reimbursements', 'orders', 'inspections'] as const;
export type ProofSource = (typeof proofSources)[number];

/** Where a fact came from: the report file and line an agent can point Seller Support to. */
export interface Provenance {
  readonly source: ProofSource;
  /** The row's id in its table. */
  readonly rowId: number;
  /** The report file's name as imported (null for rows ReturnDesk recorded itself, e.g. inspections). */
  readonly file: string | null;
  /** 1-based line in that file; null when not from a file. */
  readonly line: number | null;
}

/** One row that proves a claim, with a one-line English summary ("Refund of $24.99 posted 2026-03-02"). */
export interface ProofRow extends Provenance {
  readonly summary: string;
}

/** The claim window (deadline rules `fba-reimbursement-claim`, `safet-filing`), from the event that starts it. */
export interface ClaimWindow {
  readonly ruleId: 'fba-reimbursement-claim' | 'safet-filing';
  /** The event the window counts from (the refund, or the later of return delivery and refund for SAFE-T). */
  readonly fromIso: string;
  readonly opensAt: string;
  readonly closesAt: string;
}

/** One line of how the amount owed was computed. */
export interface OwedComponent {
  readonly label: string;
  readonly amountMinor: number;
}

/** A claim ReturnDesk found: what, for which order line, how much and why, and by when. */
export interface ClaimCandidate {
  readonly kind: ClaimKind;
  /**
   * Stable identity across reconciliations (kind, marketplace, order, SKU and, where one order line can
   * hold several, the refund adjustment or reimbursement): a found claim keeps its status when found again.
   */
  readonly key: string;
  readonly marketplaceCode: string;
  readonly currency: string;
  readonly orderId: string;
  readonly sku: string;
  /** The return case of the order line, when there is one. */
  readonly caseId: number | null;
  /** Units the claim is for. */
  readonly units: number;
  /** What Amazon owes, in minor units of `currency`: exactly the sum of `components`. */
  readonly owedMinor: number;
  readonly components: readonly OwedComponent[];
  /** A plain English sentence of how the amount was computed. */
  readonly computation: string;
  /** Null when no window rule covers the marketplace (the claim can still be filed; no deadline is known). */
  readonly window: ClaimWindow | null;
  readonly proof: readonly ProofRow[];
  /** Amazon's ids the claim text needs (order id, RMA id, reimbursement id, LPN, FNSKU, ASIN...). */
  readonly ids: Readonly<Record<string, string>>;
}
