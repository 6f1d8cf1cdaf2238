import type { SettlementRefundRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';
import type { RowReader } from '../row-reader.js';

/**
 * GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 (reference §2.6). The first row summarizes the settlement
 * (total, currency, deposit date); ReturnDesk imports the `Refund` transaction rows, one per amount
 * component, and skips the rest. A refund can repeat the same component for one item, so the key
 * counts occurrences within the settlement: re-importing the same file yields the same keys.
 */
export const settlementReport: ReportSpec<SettlementRefundRecord> = {
  type: 'settlement',
  title: 'settlement (V2 flat file)',
  required: ['settlement-id', 'transaction-type', 'amount-type', 'amount-description', 'amount'],
  optional: [
    'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'order-id',
    'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name', 'fulfillment-id', 'posted-date',
    'posted-date-time', 'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku',
    'quantity-purchased',
  ],
  createRowParser() {
    let settlementCurrency: string | null = null;
    const occurrences = new Map<string, number>();
    return (r) => {
      const type = r.optionalText('transaction-type');
      if (type === null) {
        settlementCurrency = r.optionalText('currency') ?? settlementCurrency;
        return null;
      }
      if (type.toLowerCase() !== 'refund') return null;
      const record = readRefundRow(r, r.optionalText('currency') ?? settlementCurrency ?? r.settings.defaultCurrency);
      const base = baseKey(record);
      record.occurrence = occurrences.get(base) ?? 0;
      occurrences.set(base, record.occurrence + 1);
      return record;
    };
  },
  naturalKey: (rec) => joinKey(baseKey(rec), String(rec.occurrence)),
};

function baseKey(rec: SettlementRefundRecord): string {
  return joinKey(rec.settlementId, rec.adjustmentId, rec.orderItemCode || rec.merchantAdjustmentItemId, rec.amountType, rec.amountDescription);
}

function readRefundRow(r: RowReader, currency: string): SettlementRefundRecord {
  const postedColumn = r.optionalText('posted-date-time') !== null ? 'posted-date-time' : 'posted-date';
  return {
    line: r.lineNumber,
    settlementId: r.text('settlement-id'),
    orderId: r.text('order-id'),
    merchantOrderId: r.optionalText('merchant-order-id'),
    adjustmentId: r.text('adjustment-id'),
    marketplaceName: r.optionalText('marketplace-name'),
    amountType: r.text('amount-type'),
    amountDescription: r.text('amount-description'),
    amountMinor: r.money('amount', currency),
    currency,
    postedDate: r.date(postedColumn),
    orderItemCode: r.optionalText('order-item-code') ?? '',
    merchantAdjustmentItemId: r.optionalText('merchant-adjustment-item-id') ?? '',
    sku: r.optionalText('sku'),
    quantityPurchased: r.optionalInteger('quantity-purchased'),
    occurrence: 0,
  };
}
