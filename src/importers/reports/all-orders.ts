import type { OrderLineRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';
import type { RowReader } from '../row-reader.js';

/**
 * GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (and ..._BY_LAST_UPDATE_GENERAL, which lacks
 * `cpf`), reference §2.3. One row per order item; natural key order id + SKU. Address columns other
 * than the country are not kept: ReturnDesk does not need the buyer's address.
 */
export const allOrdersReport: ReportSpec<OrderLineRecord> = {
  type: 'all-orders',
  title: 'All Orders',
  required: ['amazon-order-id', 'purchase-date', 'sales-channel', 'sku', 'quantity'],
  optional: [
    'merchant-order-id', 'last-updated-date', 'order-status', 'fulfillment-channel', 'order-channel',
    'ship-service-level', 'product-name', 'asin', 'item-status', 'currency', 'item-price', 'item-tax',
    'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount',
    'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids',
    'cpf', 'is-business-order', 'purchase-order-number', 'price-designation',
  ],
  createRowParser: () => readOrderRow,
  naturalKey: (rec) => joinKey(rec.amazonOrderId, rec.sku),
};

function readOrderRow(r: RowReader): OrderLineRecord {
  const currency = r.optionalText('currency');
  const money = (column: string) => (currency ? r.optionalMoney(column, currency) : moneyWithoutCurrency(r, column));
  return {
    line: r.lineNumber,
    amazonOrderId: r.text('amazon-order-id'),
    merchantOrderId: r.optionalText('merchant-order-id'),
    purchaseDate: r.date('purchase-date'),
    lastUpdatedDate: r.optionalDate('last-updated-date'),
    orderStatus: r.optionalText('order-status'),
    fulfillmentChannel: r.optionalText('fulfillment-channel'),
    salesChannel: r.optionalText('sales-channel'),
    productName: r.optionalText('product-name'),
    sku: r.text('sku'),
    asin: r.optionalText('asin'),
    itemStatus: r.optionalText('item-status'),
    quantity: r.integer('quantity', { min: 0, max: 100_000 }),
    currency,
    itemPriceMinor: money('item-price'),
    itemTaxMinor: money('item-tax'),
    shippingPriceMinor: money('shipping-price'),
    shippingTaxMinor: money('shipping-tax'),
    itemPromotionDiscountMinor: money('item-promotion-discount'),
    shipPromotionDiscountMinor: money('ship-promotion-discount'),
    shipCountry: r.optionalText('ship-country'),
    isBusinessOrder: r.optionalFlag('is-business-order'),
  };
}

/** Pending and cancelled orders come without a currency; an amount then has no meaning. */
function moneyWithoutCurrency(r: RowReader, column: string): null {
  if (r.optionalText(column) !== null) r.fail(column, 'has an amount but the row has no currency');
  return null;
}
