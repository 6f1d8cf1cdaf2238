/** Rows of the removal order detail report (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA, reference §2.5). */
import { formatAmount, formatIsoWithOffset } from './demo-format.js';
import type { RemovalLine } from './demo-model.js';

export function renderRemovals(lines: readonly RemovalLine[]): string[][] {
  return lines.map((line) => [
    formatIsoWithOffset(line.requestedAt), line.orderId, line.orderType, 'Standard', line.status,
    formatIsoWithOffset(line.lastUpdatedAt), line.product.sku, line.product.fnsku, 'Unsellable',
    String(line.requested), String(line.cancelled), String(line.disposed), String(line.shipped), String(line.inProcess),
    formatAmount(line.feeMinor, 'USD', '.'), 'USD',
  ]);
}
