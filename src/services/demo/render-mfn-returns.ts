/** Rows of the MFN returns report (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE, reference §2.2). */
import { requireMarketplace } from '../../domain/marketplaces.js';
import { formatAmount, formatDayMonthYear } from './demo-format.js';
import type { MfnReturn, Refund } from './demo-model.js';
import { toMfnReasonCode } from './demo-reasons.js';
import type { MarketplaceScenario } from './demo-scenario.js';

/** What the buyer got back: price less promotion, plus US sales tax and any shipping, less the label. */
export function refundedTotal(refund: Refund, taxIsExtra: boolean): number {
  return refund.principalMinor - refund.promotionMinor + (taxIsExtra ? refund.taxMinor : 0) + refund.shippingMinor - refund.returnShippingMinor;
}

function renderReturn(item: MfnReturn, scenario: MarketplaceScenario, withOrderItemId: boolean): string[] {
  const { currency, decimalSeparator } = requireMarketplace(scenario.code);
  const money = (minor: number | null): string => (minor === null ? '' : formatAmount(minor, currency, decimalSeparator));
  const date = (ms: number | null): string => (ms === null ? '' : formatDayMonthYear(ms));
  const flag = (value: boolean): string => (value ? 'Y' : 'N');
  const { line, safet } = item;
  const cells = [
    line.orderId, date(line.purchasedAt), date(item.requestedAt), item.status, item.amazonRmaId ?? '', item.merchantRmaId ?? '',
    item.labelCostMinor === null ? '' : 'AmazonPrePaidLabel', money(item.labelCostMinor), currency, item.carrier ?? '',
    item.trackingId ?? '', item.labelPaidBy ?? '', flag(item.aToZClaim), flag(line.isPrime), line.product.asin, line.product.sku,
    line.product.titles.en, String(item.quantity), toMfnReasonCode(item.reason), flag(item.inPolicy),
    item.aToZClaim ? 'A-to-z Guarantee' : 'C-Returns', item.resolution, '', date(item.deliveredAt),
    money(line.itemPriceMinor), String(line.quantity), safet?.actionReason ?? '', safet?.claimId ?? '', safet?.state ?? '',
    date(safet?.createdAt ?? null), money(safet?.reimbursementMinor ?? null),
    money(item.refund ? refundedTotal(item.refund, scenario.vatRate === 0) : null),
  ];
  if (withOrderItemId) cells.push(line.orderItemId);
  // Amazon writes a blank cell of this report as a single space (reference §2.2).
  return cells.map((cell) => (cell === '' ? ' ' : cell));
}

export function renderMfnReturns(returns: readonly MfnReturn[], scenario: MarketplaceScenario, withOrderItemId: boolean): string[][] {
  return returns.map((item) => renderReturn(item, scenario, withOrderItemId));
}
