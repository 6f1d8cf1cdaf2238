import type { Provenance } from './claim.js';

// The facts the reconciliation reads, one order at a time (every row of one marketplace's order id):
// plain rows from the imported reports and ReturnDesk's own records, each with where it came from.
// Money is integer minor units in the row's `currency`; instants are UTC ISO-8601 text.

/** A refund row of a settlement report (transaction-type Refund), one amount type per row (§2.6). */
export interface SettlementRefundFact extends Provenance {
  readonly orderId: string;
  readonly sku: string | null;
  /** Amazon's refund adjustment; the same refund can appear in two settlement files under two settlement ids. */
  readonly adjustmentId: string;
  readonly settlementId: string;
  readonly orderItemCode: string;
  readonly merchantAdjustmentItemId: string;
  /** `ItemPrice`, `ItemFees`, `Promotion`…; `amountDescription` says which (Principal, Shipping, Commission…). */
  readonly amountType: string;
  readonly amountDescription: string;
  /** Signed as the settlement writes it: a refund of the price is negative. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly postedAt: string;
  readonly quantity: number | null;
}

/** A unit the FBA customer returns report says came back (one row per license plate, §2.1). */
export interface FbaReturnFact extends Provenance {
  readonly orderId: string;
  readonly sku: string;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly quantity: number;
  readonly returnedAt: string;
  /** SELLABLE, CUSTOMER_DAMAGED, DEFECTIVE, CARRIER_DAMAGED, DAMAGED… */
  readonly detailedDisposition: string | null;
  readonly reason: string | null;
  readonly status: string | null;
  readonly licensePlate: string;
}

/** A row of the FBA reimbursements report (§2.4); reversals point at the reimbursement they cancel. */
export interface ReimbursementFact extends Provenance {
  readonly reimbursementId: string;
  readonly orderId: string | null;
  readonly sku: string;
  readonly fnsku: string | null;
  readonly asin: string | null;
  readonly reason: string | null;
  readonly currency: string;
  readonly amountPerUnitMinor: number | null;
  /** Negative on a reversal. */
  readonly amountTotalMinor: number;
  readonly quantityCash: number;
  readonly quantityInventory: number;
  readonly quantityTotal: number;
  readonly approvedAt: string;
  readonly originalReimbursementId: string | null;
  readonly originalReimbursementType: string | null;
}

/** An order line of the All Orders report (§2.3): what was sold, how many, at what price. */
export interface OrderLineFact extends Provenance {
  readonly orderId: string;
  readonly sku: string;
  readonly asin: string | null;
  readonly quantity: number;
  readonly currency: string | null;
  /** The line's item price (all units). */
  readonly itemPriceMinor: number | null;
  /** `Amazon` (FBA) or `Merchant` (MFN). */
  readonly fulfillmentChannel: string | null;
  readonly purchasedAt: string;
}

/** A seller-fulfilled return as the MFN returns report and ReturnDesk's case know it (§2.2). */
export interface MfnReturnFact extends Provenance {
  readonly caseId: number;
  readonly orderId: string;
  readonly sku: string;
  readonly rmaId: string;
  /** StandardRefund, RefundAtFirstScan, ReturnlessRefund… */
  readonly resolution: string | null;
  readonly returnType: string | null;
  readonly requestStatus: string | null;
  readonly returnQuantity: number;
  readonly orderAmountMinor: number | null;
  readonly orderQuantity: number | null;
  /** What Amazon refunded, per the report; null when nothing. */
  readonly refundedAmountMinor: number | null;
  readonly currency: string;
  readonly returnDeliveredAt: string | null;
  /**
   * The report's return request date, which ties the return to its refund (the earliest settlement
   * refund posted on or after it, safet.ts). Optional: without it the SKU's earliest refund is used.
   */
  readonly returnRequestedAt?: string | null;
  readonly safetClaimId: string | null;
  readonly safetClaimState: string | null;
}

/** The seller's inspection of a returned unit (issue 4), with the evidence kept. */
export interface InspectionFact extends Provenance {
  readonly caseId: number;
  /** An inspection grade: new, used_*, unsellable_defective, unsellable_damaged, wrong_item, missing. */
  readonly grade: string;
  readonly inspectedAt: string;
  readonly evidence: readonly { readonly sha256: string; readonly kind: string; readonly mediaType: string; readonly fileName: string | null }[];
}

/** Everything about one order of one marketplace that the reconciliation weighs. */
export interface OrderFacts {
  readonly marketplaceCode: string;
  /** The marketplace's currency: amounts in another currency are never compared with it. */
  readonly currency: string;
  readonly orderId: string;
  /** Return case ids by SKU, for linking a claim to its case. */
  readonly caseIds: Readonly<Record<string, number>>;
  readonly refunds: readonly SettlementRefundFact[];
  readonly fbaReturns: readonly FbaReturnFact[];
  readonly reimbursements: readonly ReimbursementFact[];
  readonly orderLines: readonly OrderLineFact[];
  readonly mfnReturns: readonly MfnReturnFact[];
  readonly inspections: readonly InspectionFact[];
}
