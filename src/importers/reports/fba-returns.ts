import type { FbaReturnRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';

/**
 * GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA (reference §2.1). Rows appear once the fulfilment centre
 * processed the unit. Variants: no `status` column (Amazon.ae), `amazon-order-id` in UI downloads.
 * Natural key: order id + SKU + license plate number, because the same return shows up with different
 * return dates across pulls (selling-partner-api-models#2940). A row without a license plate adds the
 * return date (as written), fulfilment centre and disposition, so two such units do not merge into one.
 */
export const fbaReturnsReport: ReportSpec<FbaReturnRecord> = {
  type: 'fba-returns',
  title: 'FBA customer returns',
  required: ['return-date', 'order-id', 'sku', 'quantity', 'detailed-disposition', 'license-plate-number'],
  optional: ['asin', 'fnsku', 'product-name', 'fulfillment-center-id', 'reason', 'status', 'customer-comments'],
  aliases: { 'amazon-order-id': 'order-id' },
  createRowParser: () => (r) => ({
    line: r.lineNumber,
    returnDate: r.date('return-date'),
    returnDay: r.calendarDate('return-date'),
    orderId: r.text('order-id'),
    sku: r.text('sku'),
    asin: r.optionalText('asin'),
    fnsku: r.optionalText('fnsku'),
    productName: r.optionalText('product-name'),
    quantity: r.integer('quantity', { min: 1, max: 100_000 }),
    fulfillmentCenterId: r.optionalText('fulfillment-center-id'),
    detailedDisposition: r.optionalText('detailed-disposition'),
    reason: r.optionalText('reason'),
    status: r.optionalText('status'),
    licensePlateNumber: r.optionalText('license-plate-number') ?? '',
    customerComments: r.optionalText('customer-comments'),
  }),
  naturalKey: (rec) => (rec.licensePlateNumber
    ? joinKey(rec.orderId, rec.sku, rec.licensePlateNumber)
    : joinKey(rec.orderId, rec.sku, '', rec.returnDay, rec.fulfillmentCenterId, rec.detailedDisposition)),
};
