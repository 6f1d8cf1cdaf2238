/** Rows of the FBA customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA, reference §2.1). */
import { formatIsoWithOffset } from './demo-format.js';
import type { FbaReturn } from './demo-model.js';
import { titleInMarketplace } from './demo-products.js';

/**
 * One row per unit batch the fulfillment center processed by `endMs`, in processing order. Refunds
 * whose unit never arrived have no row: that gap is what reimbursement claims look for.
 * `withStatus: false` writes the 12-column variant.
 */
export function renderFbaReturns(returns: readonly FbaReturn[], endMs: number, withStatus: boolean): string[][] {
  return returns
    .filter((item): item is FbaReturn & { processedAt: number } => item.processedAt !== null && item.processedAt <= endMs)
    .sort((a, b) => a.processedAt - b.processedAt)
    .map((item) => {
      const { line } = item;
      const row = [
        formatIsoWithOffset(item.processedAt), line.orderId, line.product.sku, line.product.asin, line.product.fnsku,
        titleInMarketplace(line.product, line.marketplace), String(item.quantity), item.fulfillmentCenterId,
        item.disposition, item.reason, item.status, item.licensePlateNumber, item.comment ?? '',
      ];
      if (!withStatus) row.splice(10, 1);
      return row;
    });
}
