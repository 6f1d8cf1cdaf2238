/**
 * Rows of one settlement (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2, reference §2.6): the summary
 * row first, then one row per amount.
 */
import { requireMarketplace } from '../../domain/marketplaces.js';
import { formatAmount, formatIsoDay, formatIsoWithOffset } from './demo-format.js';
import type { Settlement, SettlementLine } from './demo-model.js';

function renderLine(settlement: Settlement, row: SettlementLine, money: (minor: number) => string, salesChannel: string): string[] {
  const { line } = row;
  return [
    settlement.settlementId, '', '', '', '', '', row.transactionType, line.orderId, '', row.adjustmentId,
    row.transactionType === 'Order' ? line.shipmentId ?? '' : '', salesChannel, row.amountType, row.amountDescription,
    money(row.amountMinor), line.channel === 'FBA' ? 'AFN' : 'MFN', formatIsoDay(row.postedAt), formatIsoWithOffset(row.postedAt),
    line.orderItemId, '', row.merchantAdjustmentItemId, line.product.sku, String(row.quantity),
  ];
}

export function renderSettlement(settlement: Settlement): string[][] {
  const { currency, decimalSeparator, salesChannel } = requireMarketplace(settlement.marketplace);
  const money = (minor: number): string => formatAmount(minor, currency, decimalSeparator);
  const summary = [
    settlement.settlementId, formatIsoWithOffset(settlement.startAt), formatIsoWithOffset(settlement.endAt),
    formatIsoWithOffset(settlement.depositAt), money(settlement.totalMinor), currency, ...Array<string>(17).fill(''),
  ];
  return [summary, ...settlement.lines.map((row) => renderLine(settlement, row, money, salesChannel))];
}
