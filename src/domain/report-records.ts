/**
 * Validated records, one per data row of an Amazon report (or the seller's product sheet).
 * Importers build them; storage persists them. Conventions:
 * - times are UTC ISO-8601 strings (`2025-07-10T07:00:00.000Z`); a date-only cell is midnight in the
 *   marketplace's time zone, converted to UTC;
 * - money is integer minor units (`...Minor`) with the record's `currency`;
 * - text cells that Amazon left blank (or filled with one space) are `null`, except natural-key
 *   parts, which are `''` so that unique indexes treat "absent" as one value;
 * - `line` is the 1-based line number in the file (the header is line 1).
 */
export const reportTypes = ['fba-returns', 'mfn-returns', 'all-orders', 'reimbursements', 'removals', 'settlement', 'product-sheet'] as const;
export type ReportType = (typeof reportTypes)[number];

export interface FbaReturnRecord {
  line: number;
  returnDate: string;
  /** The return date as the file writes it (YYYY-MM-DD): part of the key of a row without a license plate. */
  returnDay: string;
  orderId: string;
  sku: string;
  asin: string | null;
  fnsku: string | null;
  productName: string | null;
  quantity: number;
  fulfillmentCenterId: string | null;
  detailedDisposition: string | null;
  reason: string | null;
  status: string | null;
  licensePlateNumber: string;
  customerComments: string | null;
}

export interface MfnReturnRecord {
  line: number;
  orderId: string;
  orderDate: string | null;
  returnRequestDate: string;
  /** The request date as the file writes it (YYYY-MM-DD): part of the key of a returnless refund. */
  returnRequestDay: string;
  returnRequestStatus: string | null;
  amazonRmaId: string;
  merchantRmaId: string | null;
  labelType: string | null;
  labelCostMinor: number | null;
  currency: string;
  returnCarrier: string | null;
  trackingId: string | null;
  labelPaidBy: string | null;
  aToZClaim: boolean | null;
  isPrime: boolean | null;
  asin: string | null;
  sku: string;
  itemName: string | null;
  returnQuantity: number;
  returnReason: string | null;
  inPolicy: boolean | null;
  returnType: string | null;
  resolution: string | null;
  invoiceNumber: string | null;
  returnDeliveryDate: string | null;
  orderAmountMinor: number | null;
  orderQuantity: number | null;
  safetActionReason: string | null;
  safetClaimId: string | null;
  safetClaimState: string | null;
  safetClaimCreationTime: string | null;
  safetClaimReimbursementMinor: number | null;
  refundedAmountMinor: number | null;
  orderItemId: string | null;
}

export interface OrderLineRecord {
  line: number;
  amazonOrderId: string;
  merchantOrderId: string | null;
  purchaseDate: string;
  lastUpdatedDate: string | null;
  orderStatus: string | null;
  fulfillmentChannel: string | null;
  salesChannel: string | null;
  productName: string | null;
  sku: string;
  asin: string | null;
  itemStatus: string | null;
  quantity: number;
  currency: string | null;
  itemPriceMinor: number | null;
  itemTaxMinor: number | null;
  shippingPriceMinor: number | null;
  shippingTaxMinor: number | null;
  itemPromotionDiscountMinor: number | null;
  shipPromotionDiscountMinor: number | null;
  shipCountry: string | null;
  isBusinessOrder: boolean | null;
}

export interface ReimbursementRecord {
  line: number;
  approvalDate: string;
  reimbursementId: string;
  caseId: string | null;
  amazonOrderId: string | null;
  reason: string | null;
  sku: string;
  fnsku: string | null;
  asin: string | null;
  productName: string | null;
  condition: string | null;
  currency: string;
  amountPerUnitMinor: number | null;
  amountTotalMinor: number;
  quantityReimbursedCash: number;
  quantityReimbursedInventory: number;
  quantityReimbursedTotal: number;
  originalReimbursementId: string | null;
  originalReimbursementType: string | null;
}

export interface RemovalRecord {
  line: number;
  requestDate: string;
  orderId: string;
  orderType: string | null;
  serviceSpeed: string | null;
  orderStatus: string | null;
  lastUpdatedDate: string | null;
  sku: string;
  fnsku: string;
  disposition: string;
  requestedQuantity: number;
  cancelledQuantity: number;
  disposedQuantity: number;
  shippedQuantity: number;
  inProcessQuantity: number;
  removalFeeMinor: number | null;
  currency: string | null;
}

/** One refund component (principal, tax, commission...) of a settlement's `Refund` transaction. */
export interface SettlementRefundRecord {
  line: number;
  settlementId: string;
  orderId: string;
  merchantOrderId: string | null;
  adjustmentId: string;
  marketplaceName: string | null;
  amountType: string;
  amountDescription: string;
  amountMinor: number;
  currency: string;
  postedDate: string;
  orderItemCode: string;
  merchantAdjustmentItemId: string;
  sku: string | null;
  quantityPurchased: number | null;
  /** 0 for the first row of this component for this item in the settlement, 1 for a repeat, ... */
  occurrence: number;
}

/** What the seller knows and Amazon's reports do not (the seller's own product sheet). */
export interface ProductRecord {
  line: number;
  sku: string;
  asin: string | null;
  fnsku: string | null;
  title: string | null;
  category: string | null;
  priceMinor: number | null;
  unitCostMinor: number | null;
  currency: string | null;
  weightGrams: number | null;
  accessories: string[];
}
