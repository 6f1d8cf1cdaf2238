/** Rows of the FBA reimbursements report (GET_FBA_REIMBURSEMENTS_DATA, reference §2.4). */
import { requireMarketplace } from '../../domain/marketplaces.js';
import { formatAmount, formatIsoWithOffset } from './demo-format.js';
import type { Reimbursement } from './demo-model.js';
import { titleInMarketplace } from './demo-products.js';

export function renderReimbursements(reimbursements: readonly Reimbursement[]): string[][] {
  return reimbursements.map((r) => {
    const { currency, decimalSeparator } = requireMarketplace(r.marketplace);
    const money = (minor: number): string => formatAmount(minor, currency, decimalSeparator);
    return [
      formatIsoWithOffset(r.approvedAt), r.reimbursementId, r.caseId ?? '', r.orderId ?? '', r.reason, r.product.sku,
      r.product.fnsku, r.product.asin, titleInMarketplace(r.product, r.marketplace), 'New', currency,
      money(r.amountPerUnitMinor), money(r.amountTotalMinor), String(r.quantityCash), String(r.quantityInventory),
      String(r.quantityCash + r.quantityInventory), r.originalReimbursementId ?? '', r.originalReimbursementType ?? '',
    ];
  });
}
