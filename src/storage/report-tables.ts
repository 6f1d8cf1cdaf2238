import type {
  FbaReturnRecord, MfnReturnRecord, OrderLineRecord, ReimbursementRecord, RemovalRecord, ReportType,
  SettlementRefundRecord,
} from '../domain/report-records.js';
import type { CellValue } from './dialect.js';

/**
 * Where each report's records live: the table and its data columns, with `toValues` giving a
 * record's values in the same order. Every report table also has the columns of `metaColumns`.
 */
export interface ReportTable<R> {
  readonly name: string;
  readonly columns: readonly string[];
  /** True for the return reports, whose rows point at their return case. */
  readonly hasCase: boolean;
  toValues(record: R): CellValue[];
}

export const metaColumns = ['id', 'account_id', 'natural_key', 'import_run_id', 'line', 'marketplace_code'] as const;

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

const fbaReturns: ReportTable<FbaReturnRecord> = {
  name: 'fba_returns',
  hasCase: true,
  columns: ['return_date', 'order_id', 'sku', 'asin', 'fnsku', 'product_name', 'quantity', 'fulfillment_center_id',
    'detailed_disposition', 'reason', 'status', 'license_plate_number', 'customer_comments'],
  toValues: (r) => [r.returnDate, r.orderId, r.sku, r.asin, r.fnsku, r.productName, r.quantity, r.fulfillmentCenterId,
    r.detailedDisposition, r.reason, r.status, r.licensePlateNumber, r.customerComments],
};

const mfnReturns: ReportTable<MfnReturnRecord> = {
  name: 'mfn_returns',
  hasCase: true,
  columns: ['order_id', 'order_date', 'return_request_date', 'return_request_status', 'amazon_rma_id', 'merchant_rma_id',
    'label_type', 'label_cost_minor', 'currency', 'return_carrier', 'tracking_id', 'label_paid_by', 'a_to_z_claim',
    'is_prime', 'asin', 'sku', 'item_name', 'return_quantity', 'return_reason', 'in_policy', 'return_type', 'resolution',
    'invoice_number', 'return_delivery_date', 'order_amount_minor', 'order_quantity', 'safet_action_reason',
    'safet_claim_id', 'safet_claim_state', 'safet_claim_creation_time', 'safet_claim_reimbursement_minor',
    'refunded_amount_minor', 'order_item_id'],
  toValues: (r) => [r.orderId, r.orderDate, r.returnRequestDate, r.returnRequestStatus, r.amazonRmaId, r.merchantRmaId,
    r.labelType, r.labelCostMinor, r.currency, r.returnCarrier, r.trackingId, r.labelPaidBy, flag(r.aToZClaim),
    flag(r.isPrime), r.asin, r.sku, r.itemName, r.returnQuantity, r.returnReason, flag(r.inPolicy), r.returnType,
    r.resolution, r.invoiceNumber, r.returnDeliveryDate, r.orderAmountMinor, r.orderQuantity, r.safetActionReason,
    r.safetClaimId, r.safetClaimState, r.safetClaimCreationTime, r.safetClaimReimbursementMinor, r.refundedAmountMinor,
    r.orderItemId],
};

const orders: ReportTable<OrderLineRecord> = {
  name: 'orders',
  hasCase: false,
  columns: ['amazon_order_id', 'merchant_order_id', 'purchase_date', 'last_updated_date', 'order_status',
    'fulfillment_channel', 'sales_channel', 'product_name', 'sku', 'asin', 'item_status', 'quantity', 'currency',
    'item_price_minor', 'item_tax_minor', 'shipping_price_minor', 'shipping_tax_minor', 'item_promotion_discount_minor',
    'ship_promotion_discount_minor', 'ship_country', 'is_business_order'],
  toValues: (r) => [r.amazonOrderId, r.merchantOrderId, r.purchaseDate, r.lastUpdatedDate, r.orderStatus,
    r.fulfillmentChannel, r.salesChannel, r.productName, r.sku, r.asin, r.itemStatus, r.quantity, r.currency,
    r.itemPriceMinor, r.itemTaxMinor, r.shippingPriceMinor, r.shippingTaxMinor, r.itemPromotionDiscountMinor,
    r.shipPromotionDiscountMinor, r.shipCountry, flag(r.isBusinessOrder)],
};

const reimbursements: ReportTable<ReimbursementRecord> = {
  name: 'reimbursements',
  hasCase: false,
  columns: ['approval_date', 'reimbursement_id', 'case_id', 'amazon_order_id', 'reason', 'sku', 'fnsku', 'asin',
    'product_name', 'condition', 'currency', 'amount_per_unit_minor', 'amount_total_minor', 'quantity_reimbursed_cash',
    'quantity_reimbursed_inventory', 'quantity_reimbursed_total', 'original_reimbursement_id',
    'original_reimbursement_type'],
  toValues: (r) => [r.approvalDate, r.reimbursementId, r.caseId, r.amazonOrderId, r.reason, r.sku, r.fnsku, r.asin,
    r.productName, r.condition, r.currency, r.amountPerUnitMinor, r.amountTotalMinor, r.quantityReimbursedCash,
    r.quantityReimbursedInventory, r.quantityReimbursedTotal, r.originalReimbursementId, r.originalReimbursementType],
};

const removals: ReportTable<RemovalRecord> = {
  name: 'removals',
  hasCase: false,
  columns: ['request_date', 'order_id', 'order_type', 'service_speed', 'order_status', 'last_updated_date', 'sku', 'fnsku',
    'disposition', 'requested_quantity', 'cancelled_quantity', 'disposed_quantity', 'shipped_quantity',
    'in_process_quantity', 'removal_fee_minor', 'currency'],
  toValues: (r) => [r.requestDate, r.orderId, r.orderType, r.serviceSpeed, r.orderStatus, r.lastUpdatedDate, r.sku,
    r.fnsku, r.disposition, r.requestedQuantity, r.cancelledQuantity, r.disposedQuantity, r.shippedQuantity,
    r.inProcessQuantity, r.removalFeeMinor, r.currency],
};

const settlementRefunds: ReportTable<SettlementRefundRecord> = {
  name: 'settlement_refunds',
  hasCase: false,
  columns: ['settlement_id', 'order_id', 'merchant_order_id', 'adjustment_id', 'marketplace_name', 'amount_type',
    'amount_description', 'amount_minor', 'currency', 'posted_date', 'order_item_code', 'merchant_adjustment_item_id',
    'sku', 'quantity_purchased'],
  toValues: (r) => [r.settlementId, r.orderId, r.merchantOrderId, r.adjustmentId, r.marketplaceName, r.amountType,
    r.amountDescription, r.amountMinor, r.currency, r.postedDate, r.orderItemCode, r.merchantAdjustmentItemId, r.sku,
    r.quantityPurchased],
};

const tables = {
  'fba-returns': fbaReturns,
  'mfn-returns': mfnReturns,
  'all-orders': orders,
  reimbursements,
  removals,
  settlement: settlementRefunds,
} as const;

export type StoredReportType = keyof typeof tables;

export function reportTableFor(type: ReportType): ReportTable<{ line: number }> {
  if (type === 'product-sheet') throw new Error('The product sheet is stored in products, not a report table.');
  return tables[type] as unknown as ReportTable<{ line: number }>;
}
