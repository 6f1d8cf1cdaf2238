// The thresholds the reconciliation weighs claims with (issue 5). Amazon's claim windows are not here:
// they are deadline rules (`fba-reimbursement-claim`, `safet-filing`, src/domain/deadlines). Each field
// says whether it is Amazon's number (with its source in ../shared/reference/amazon-returns.md) or a
// seller choice to tune; docs/claims.md lists them all.

/** What counts as a claim, and how much of it; every number the reconciliation uses that is not a window. */
export interface ClaimsPolicy {
  /**
   * FBA reimbursed short: a reimbursement counts as short when its paid amount per cash unit is below
   * this share of the unit's expected value, in basis points (8000 = 80%). Seller choice.
   */
  readonly shortReimbursementShareBps: number;
  /**
   * A settlement refund refunds a unit only when its principal is at least this share of the order
   * line's item price for those units, in basis points; below it, it is a partial refund (goodwill,
   * price adjustment) and no unit was due back. Ignored when the order line price is unknown. Seller choice.
   */
  readonly unitRefundMinShareBps: number;
  /**
   * FBA `detailed-disposition` values meaning Amazon or the carrier damaged the unit and ownership passed
   * to Amazon (compared case-insensitively). Amazon's vocabulary.
   */
  readonly amazonFaultDispositions: readonly string[];
  /**
   * MFN `Resolution` values of refunds Amazon issued (SAFE-T eligible, §4.8), compared ignoring case and
   * punctuation. Anything else, `StandardRefund` first, is a seller-issued refund and never a SAFE-T claim.
   */
  readonly amazonIssuedResolutions: readonly string[];
  /**
   * Of those, the resolutions after which a unit was expected back, so "no return delivery" is a loss.
   * A returnless refund follows the seller's own returnless rules (§4.4): nothing was due back.
   */
  readonly notReturnedResolutions: readonly string[];
  /**
   * MFN: days after an Amazon-issued refund with no return delivery before the unit counts as not
   * returned at all. Seller choice.
   */
  readonly mfnReturnDueDays: number;
  /** SAFE-T: share of the order value Amazon reimburses at most when the buyer damaged (or used) the item, bps. */
  readonly safetDamageCapBps: number;
  /** SAFE-T: the most Amazon reimburses per order, in minor units, by currency; a currency not listed has no cap on record. */
  readonly safetMaxPerOrderMinor: Readonly<Record<string, number>>;
  /** Where each number comes from, by field name: `[A]` Amazon page, `[S]` secondary source, `[seller]` a choice. */
  readonly sources: Readonly<Record<string, string>>;
}

/** The shipped policy: Amazon's numbers from the reference, seller choices set to cautious defaults. */
export const defaultClaimsPolicy: ClaimsPolicy = Object.freeze({
  // 80%: a few percent below the price is rounding or a price change since the sale, not worth a case;
  // a fifth below the price is money worth asking for. Amazon pays "fair market value", not the price.
  shortReimbursementShareBps: 8_000,
  // Restocking fees and damage deductions on a real return refund can take up to 50% (§4.5), so half
  // the price still refunds a unit; less than that is a concession with no unit due back.
  unitRefundMinShareBps: 5_000,
  amazonFaultDispositions: Object.freeze(['DAMAGED', 'CARRIER_DAMAGED']),
  amazonIssuedResolutions: Object.freeze(['RefundAtFirstScan', 'ReturnlessRefund', 'Returnless', 'CustomerServiceRefund', 'CSBARefund', 'SFPRefund']),
  notReturnedResolutions: Object.freeze(['RefundAtFirstScan', 'CustomerServiceRefund', 'CSBARefund', 'SFPRefund']),
  // The buyer's 30-day return window (§4.1) plus two weeks of transit before a refunded parcel is lost.
  mfnReturnDueDays: 45,
  safetDamageCapBps: 5_000,
  safetMaxPerOrderMinor: Object.freeze({ USD: 500_000 }),
  sources: Object.freeze({
    shortReimbursementShareBps: '[seller] 80% of the expected unit value',
    unitRefundMinShareBps: '[seller] 50%: deductions on a real return refund go up to 50% (reference §4.5)',
    amazonFaultDispositions: '[A] FBA customer returns report detailed-disposition: DAMAGED, CARRIER_DAMAGED pass ownership to Amazon (reference §2.1)',
    amazonIssuedResolutions: '[A] SC 202175000, 7KCD8BYQER79WWJ: refund at first scan, CSBA/SFP customer-service and returnless refunds are Amazon-issued (§4.8); only RefundAtFirstScan is an observed report value [S §2.2], the rest are the names to add as seen',
    notReturnedResolutions: '[seller] returnless refunds expect no unit back (reference §4.4)',
    mfnReturnDueDays: '[seller] 30-day buyer return window (reference §4.1) + 15 days in transit',
    safetDamageCapBps: '[S] copy of Amazon SAFE-T page (brickpicker): buyer-damaged items reimbursed at most 50% of the order value (reference §4.5)',
    safetMaxPerOrderMinor: '[S] brickpicker copy of Amazon SAFE-T page: max $5,000 per order (reference §4.8)',
  }),
});
