import type { ReimbursementRecord } from '../../domain/report-records.js';
import { joinKey } from '../report-spec.js';
import type { ReportSpec } from '../report-spec.js';
import type { RowReader } from '../row-reader.js';

/**
 * GET_FBA_REIMBURSEMENTS_DATA (reference §2.4). Reversal rows carry negative amounts and quantities
 * and name the reimbursement they reverse. EU files may write amounts with comma decimals.
 * Natural key: reimbursement id + SKU.
 */
export const reimbursementsReport: ReportSpec<ReimbursementRecord> = {
  type: 'reimbursements',
  title: 'FBA reimbursements',
  required: ['approval-date', 'reimbursement-id', 'sku', 'currency-unit', 'amount-total'],
  optional: [
    'case-id', 'amazon-order-id', 'reason', 'fnsku', 'asin', 'product-name', 'condition', 'amount-per-unit',
    'quantity-reimbursed-cash', 'quantity-reimbursed-inventory', 'quantity-reimbursed-total',
    'original-reimbursement-id', 'original-reimbursement-type',
  ],
  createRowParser: () => readReimbursementRow,
  naturalKey: (rec) => joinKey(rec.reimbursementId, rec.sku),
};

function readReimbursementRow(r: RowReader): ReimbursementRecord {
  const currency = r.text('currency-unit');
  const quantity = (column: string) => r.integer(column, { blank: 0, min: -100_000, max: 100_000 });
  return {
    line: r.lineNumber,
    approvalDate: r.date('approval-date'),
    reimbursementId: r.text('reimbursement-id'),
    caseId: r.optionalText('case-id'),
    amazonOrderId: r.optionalText('amazon-order-id'),
    reason: r.optionalText('reason'),
    sku: r.text('sku'),
    fnsku: r.optionalText('fnsku'),
    asin: r.optionalText('asin'),
    productName: r.optionalText('product-name'),
    condition: r.optionalText('condition'),
    currency,
    amountPerUnitMinor: currency ? r.optionalMoney('amount-per-unit', currency) : null,
    amountTotalMinor: currency ? r.money('amount-total', currency) : 0,
    quantityReimbursedCash: quantity('quantity-reimbursed-cash'),
    quantityReimbursedInventory: quantity('quantity-reimbursed-inventory'),
    quantityReimbursedTotal: quantity('quantity-reimbursed-total'),
    originalReimbursementId: r.optionalText('original-reimbursement-id'),
    originalReimbursementType: r.optionalText('original-reimbursement-type'),
  };
}
