/**
 * The simulated seller's world, before it is written as Amazon report files. Times are epoch
 * milliseconds (UTC); money is integer minor units of the marketplace currency.
 */
import type { DemoReason } from './demo-reasons.js';

export const demoMarketplaceCodes = ['US', 'UK', 'DE', 'JP'] as const;
export type DemoMarketplaceCode = (typeof demoMarketplaceCodes)[number];
export type Channel = 'FBA' | 'MFN';
export type Offer = Channel | 'both';
export type Category = 'apparel' | 'shoes' | 'phone-accessories' | 'kitchen' | 'electronics' | 'jewelry';
export type Language = 'en' | 'de' | 'ja';

export interface DemoProduct {
  sku: string;
  asin: string;
  fnsku: string;
  category: Category;
  /** Listing titles by language; English always, German and Japanese where it is sold there. */
  titles: Partial<Record<Language, string>> & { en: string };
  priceUsdMinor: number;
  unitCostUsdMinor: number;
  weightGrams: number;
  accessories: readonly string[];
  offers: Partial<Record<DemoMarketplaceCode, Offer>>;
  popularity: number;
}

export interface ShipAddress {
  city: string;
  state: string;
  postalCode: string;
  country: string;
  /** US sales tax rate of the destination (0 elsewhere: EU and JP prices include VAT). */
  salesTaxRate: number;
}

export interface OrderLine {
  marketplace: DemoMarketplaceCode;
  orderId: string;
  orderItemId: string;
  channel: Channel;
  product: DemoProduct;
  purchasedAt: number;
  /** null while the line is not shipped (pending or cancelled). */
  shippedAt: number | null;
  status: 'Shipped' | 'Pending' | 'Cancelled';
  quantity: number;
  itemPriceMinor: number;
  itemTaxMinor: number;
  shippingMinor: number;
  shippingTaxMinor: number;
  promotionMinor: number;
  promotionId: string | null;
  shipServiceLevel: string;
  address: ShipAddress;
  isBusinessOrder: boolean;
  purchaseOrderNumber: string | null;
  isPrime: boolean;
  shipmentId: string | null;
  lastUpdatedAt: number;
}

/** One refund as it reaches the settlement: components are positive amounts refunded to the buyer. */
export interface Refund {
  at: number;
  adjustmentId: string;
  merchantAdjustmentItemId: string;
  quantity: number;
  principalMinor: number;
  taxMinor: number;
  shippingMinor: number;
  promotionMinor: number;
  /** Return label cost deducted from the buyer's refund (buyer-fault MFN returns). */
  returnShippingMinor: number;
}

export type NeverReturnedFate = 'reimbursed' | 'claimable' | 'expired' | 'reversed';

export interface FbaReturn {
  kind: 'fba';
  line: OrderLine;
  quantity: number;
  reason: DemoReason;
  requestedAt: number;
  refund: Refund;
  /** When the fulfillment center processed the unit; null if it never came back. */
  processedAt: number | null;
  neverReturned: NeverReturnedFate | null;
  disposition: 'SELLABLE' | 'CUSTOMER_DAMAGED' | 'DEFECTIVE' | 'DAMAGED' | 'CARRIER_DAMAGED';
  status: 'Unit returned to inventory' | 'Reimbursed';
  licensePlateNumber: string;
  fulfillmentCenterId: string;
  comment: string | null;
  badBatch: boolean;
}

export interface SafetClaim {
  actionReason: string;
  claimId: string;
  state: 'Granted' | 'Denied' | 'Under review';
  createdAt: number;
  reimbursementMinor: number | null;
}

export interface MfnReturn {
  kind: 'mfn';
  line: OrderLine;
  quantity: number;
  reason: DemoReason;
  requestedAt: number;
  refund: Refund | null;
  status: 'Pending' | 'Approved' | 'Closed' | 'Completed';
  amazonRmaId: string | null;
  merchantRmaId: string | null;
  labelCostMinor: number | null;
  carrier: string | null;
  trackingId: string | null;
  labelPaidBy: 'Seller' | 'Customer' | null;
  aToZClaim: boolean;
  inPolicy: boolean;
  resolution: 'StandardRefund' | 'RefundAtFirstScan' | 'ReplacementIssued' | 'ReturnlessRefund';
  deliveredAt: number | null;
  safet: SafetClaim | null;
}

export type CustomerReturn = FbaReturn | MfnReturn;

export interface Reimbursement {
  marketplace: DemoMarketplaceCode;
  approvedAt: number;
  reimbursementId: string;
  caseId: string | null;
  orderId: string | null;
  reason: 'CustomerReturn' | 'Damaged_Warehouse' | 'Lost_Warehouse' | 'Reimbursement_Reversal';
  product: DemoProduct;
  amountPerUnitMinor: number;
  amountTotalMinor: number;
  quantityCash: number;
  quantityInventory: number;
  originalReimbursementId: string | null;
  originalReimbursementType: string | null;
}

export interface RemovalLine {
  requestedAt: number;
  orderId: string;
  orderType: 'Return' | 'Disposal';
  status: 'Completed' | 'Pending';
  lastUpdatedAt: number;
  product: DemoProduct;
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  inProcess: number;
  feeMinor: number;
}

export interface SettlementLine {
  transactionType: 'Order' | 'Refund';
  line: OrderLine;
  adjustmentId: string;
  merchantAdjustmentItemId: string;
  amountType: 'ItemPrice' | 'ItemFees' | 'Promotion' | 'ItemWithheldTax';
  amountDescription: string;
  amountMinor: number;
  postedAt: number;
  quantity: number;
}

export interface Settlement {
  marketplace: DemoMarketplaceCode;
  settlementId: string;
  startAt: number;
  endAt: number;
  depositAt: number;
  totalMinor: number;
  lines: SettlementLine[];
}

/** The 365 days the demo covers: [startMs, endMs]. */
export interface DemoWindow {
  startMs: number;
  endMs: number;
}
