import type { MfnReturnRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';
import type { RowReader } from '../row-reader.js';

/**
 * GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (reference §2.2): 32 columns, some downloads add a
 * trailing `Order Item ID`. Natural key: Amazon RMA ID + SKU, because one return request can cover
 * several items of an order (one row each). Returnless refunds have no RMA ID: they are keyed on order
 * id + SKU + request date, as Amazon's developer support advises (selling-partner-api-models#4229),
 * taking the date as written so the key does not move with the marketplace's time zone.
 */
export const mfnReturnsReport: ReportSpec<MfnReturnRecord> = {
  type: 'mfn-returns',
  title: 'seller-fulfilled (MFN) returns',
  required: ['order-id', 'return-request-date', 'amazon-rma-id', 'merchant-sku', 'return-quantity'],
  optional: [
    'order-date', 'return-request-status', 'merchant-rma-id', 'label-type', 'label-cost', 'currency-code',
    'return-carrier', 'tracking-id', 'label-to-be-paid-by', 'a-to-z-claim', 'is-prime', 'asin', 'item-name',
    'return-reason', 'in-policy', 'return-type', 'resolution', 'invoice-number', 'return-delivery-date',
    'order-amount', 'order-quantity', 'safet-action-reason', 'safet-claim-id', 'safet-claim-state',
    'safet-claim-creation-time', 'safet-claim-reimbursement-amount', 'refunded-amount', 'order-item-id',
  ],
  createRowParser: () => readMfnRow,
  naturalKey: (rec) => (rec.amazonRmaId ? joinKey('rma', rec.amazonRmaId, rec.sku) : joinKey('order', rec.orderId, rec.sku, rec.returnRequestDay)),
};

function readMfnRow(r: RowReader): MfnReturnRecord {
  const currency = r.optionalText('currency-code') ?? r.settings.defaultCurrency;
  return {
    line: r.lineNumber,
    orderId: r.text('order-id'),
    orderDate: r.optionalDate('order-date'),
    returnRequestDate: r.date('return-request-date'),
    returnRequestDay: r.calendarDate('return-request-date'),
    returnRequestStatus: r.optionalText('return-request-status'),
    amazonRmaId: r.optionalText('amazon-rma-id') ?? '',
    merchantRmaId: r.optionalText('merchant-rma-id'),
    labelType: r.optionalText('label-type'),
    labelCostMinor: r.optionalMoney('label-cost', currency),
    currency,
    returnCarrier: r.optionalText('return-carrier'),
    trackingId: r.optionalText('tracking-id'),
    labelPaidBy: r.optionalText('label-to-be-paid-by'),
    aToZClaim: r.optionalFlag('a-to-z-claim'),
    isPrime: r.optionalFlag('is-prime'),
    asin: r.optionalText('asin'),
    sku: r.text('merchant-sku'),
    itemName: r.optionalText('item-name'),
    returnQuantity: r.integer('return-quantity', { min: 1, max: 100_000 }),
    returnReason: r.optionalText('return-reason'),
    inPolicy: r.optionalFlag('in-policy'),
    returnType: r.optionalText('return-type'),
    resolution: r.optionalText('resolution'),
    invoiceNumber: r.optionalText('invoice-number'),
    returnDeliveryDate: r.optionalDate('return-delivery-date'),
    orderAmountMinor: r.optionalMoney('order-amount', currency),
    orderQuantity: r.optionalInteger('order-quantity', { min: 0 }),
    safetActionReason: r.optionalText('safet-action-reason'),
    safetClaimId: r.optionalText('safet-claim-id'),
    safetClaimState: r.optionalText('safet-claim-state'),
    safetClaimCreationTime: r.optionalDate('safet-claim-creation-time'),
    safetClaimReimbursementMinor: r.optionalMoney('safet-claim-reimbursement-amount', currency),
    refundedAmountMinor: r.optionalMoney('refunded-amount', currency),
    orderItemId: r.optionalText('order-item-id'),
  };
}
