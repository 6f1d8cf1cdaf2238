import type { RemovalRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';
import type { RowReader } from '../row-reader.js';

/**
 * GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA (reference §2.5): one row per removal order, SKU and
 * disposition, with quantities that move as the order is processed. Natural key: order id + SKU +
 * FNSKU + disposition.
 */
export const removalsReport: ReportSpec<RemovalRecord> = {
  type: 'removals',
  title: 'FBA removal order detail',
  required: ['request-date', 'order-id', 'sku', 'disposition', 'requested-quantity', 'order-status'],
  optional: [
    'order-type', 'service-speed', 'last-updated-date', 'fnsku', 'cancelled-quantity', 'disposed-quantity',
    'shipped-quantity', 'in-process-quantity', 'removal-fee', 'currency',
  ],
  createRowParser: () => readRemovalRow,
  naturalKey: (rec) => joinKey(rec.orderId, rec.sku, rec.fnsku, rec.disposition),
};

function readRemovalRow(r: RowReader): RemovalRecord {
  const currency = r.optionalText('currency');
  const quantity = (column: string) => r.integer(column, { blank: 0, min: 0, max: 1_000_000 });
  const fee = r.optionalText('removal-fee');
  if (fee !== null && !currency) r.fail('removal-fee', 'has an amount but the row has no currency');
  return {
    line: r.lineNumber,
    requestDate: r.date('request-date'),
    orderId: r.text('order-id'),
    orderType: r.optionalText('order-type'),
    serviceSpeed: r.optionalText('service-speed'),
    orderStatus: r.optionalText('order-status'),
    lastUpdatedDate: r.optionalDate('last-updated-date'),
    sku: r.text('sku'),
    fnsku: r.optionalText('fnsku') ?? '',
    disposition: r.text('disposition'),
    requestedQuantity: quantity('requested-quantity'),
    cancelledQuantity: quantity('cancelled-quantity'),
    disposedQuantity: quantity('disposed-quantity'),
    shippedQuantity: quantity('shipped-quantity'),
    inProcessQuantity: quantity('in-process-quantity'),
    removalFeeMinor: currency ? r.optionalMoney('removal-fee', currency) : null,
    currency,
  };
}
