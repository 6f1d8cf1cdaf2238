/**
 * The return reasons the demo buyers pick, in their FBA form (reference §1.1), with the MFN code the
 * same choice shows in the seller-fulfilled returns report (§1.2) and who is at fault (§1.3).
 */
export const demoReasons = [
  'UNWANTED_ITEM', 'NO_REASON_GIVEN', 'ORDERED_WRONG_ITEM', 'FOUND_BETTER_PRICE', 'QUALITY_UNACCEPTABLE',
  'NOT_COMPATIBLE', 'PART_NOT_COMPATIBLE', 'APPAREL_TOO_SMALL', 'APPAREL_TOO_LARGE', 'APPAREL_STYLE',
  'DID_NOT_LIKE_COLOR', 'JEWELRY_TOO_SMALL', 'DEFECTIVE', 'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'SWITCHEROO',
  'DAMAGED_BY_CARRIER', 'DAMAGED_BY_FC', 'MISSED_ESTIMATED_DELIVERY',
] as const;
export type DemoReason = (typeof demoReasons)[number];

// Seller-fault reasons of Amazon's EU return-shipping table (SC help 202080050, reference §1.3).
const sellerFault: ReadonlySet<DemoReason> = new Set<DemoReason>([
  'DEFECTIVE', 'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'SWITCHEROO', 'DAMAGED_BY_CARRIER', 'DAMAGED_BY_FC',
  'MISSED_ESTIMATED_DELIVERY',
]);

/** True when Amazon's table puts the return on the seller (so the seller pays the label). */
export function isSellerFault(reason: DemoReason): boolean {
  return sellerFault.has(reason);
}

// Product-group codes seen in real MFN reports (reference §1.2); everything else takes `CR-`.
const productGroupCodes: Partial<Record<DemoReason, string>> = {
  APPAREL_TOO_SMALL: 'AMZ-PG-APP-TOO-SMALL',
  APPAREL_TOO_LARGE: 'AMZ-PG-APP-TOO-LARGE',
  APPAREL_STYLE: 'AMZ-PG-APP-STYLE',
  JEWELRY_TOO_SMALL: 'AMZ-PG-WJ-TOO-SMALL',
  NOT_AS_DESCRIBED: 'AMZ-PG-BAD-DESC',
  PART_NOT_COMPATIBLE: 'CR-NOT_COMPATIBLE',
  DID_NOT_LIKE_COLOR: 'DID_NOT_LIKE_COLOR',
};

/** The `Return Reason` cell of the MFN returns report for a buyer's choice. */
export function toMfnReasonCode(reason: DemoReason): string {
  return productGroupCodes[reason] ?? `CR-${reason}`;
}
