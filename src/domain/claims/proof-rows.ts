import type { ProofRow, Provenance } from './claim.js';
import type { FbaReturnFact, InspectionFact, MfnReturnFact, OrderLineFact, ReimbursementFact, SettlementRefundFact } from './reconcile-facts.js';
import { formatAmount, isKnownCurrency } from '../money.js';

// One-line English summaries of the rows that prove a claim (claim texts are in English, the language
// Seller Support expects), each keeping the report file and line it came from.

/** An amount as Seller Central shows it in English (`$24.99`); an unknown currency prints its minor units. */
export function amountText(amountMinor: number, currency: string): string {
  return isKnownCurrency(currency) ? formatAmount(amountMinor, currency, 'en-US') : `${amountMinor} ${currency} minor units`;
}

/** The date part of an ISO instant as written in the report (`2026-03-02`). */
export function dayOf(iso: string | null): string {
  return iso === null ? 'unknown date' : iso.slice(0, 10);
}

function units(count: number): string {
  return `${count} unit${count === 1 ? '' : 's'}`;
}

function proof(row: Provenance, summary: string): ProofRow {
  return { source: row.source, rowId: row.rowId, file: row.file, line: row.line, summary };
}

export function refundProof(row: SettlementRefundFact): ProofRow {
  return proof(row, `Refund ${row.adjustmentId} (${row.amountType}/${row.amountDescription}) of ${amountText(-row.amountMinor, row.currency)} for SKU ${row.sku ?? '?'} posted ${dayOf(row.postedAt)} in settlement ${row.settlementId}`);
}

export function fbaReturnProof(row: FbaReturnFact): ProofRow {
  return proof(row, `FBA return of ${units(row.quantity)} of SKU ${row.sku} (FNSKU ${row.fnsku ?? '?'}, ASIN ${row.asin ?? '?'}), ${row.detailedDisposition ?? 'no disposition'}, LPN ${row.licensePlate}, ${dayOf(row.returnedAt)}`);
}

export function reimbursementProof(row: ReimbursementFact): ProofRow {
  const what = row.originalReimbursementId ? `Reversal ${row.reimbursementId} of reimbursement ${row.originalReimbursementId}` : `Reimbursement ${row.reimbursementId} (${row.reason ?? 'no reason'})`;
  return proof(row, `${what}: ${amountText(row.amountTotalMinor, row.currency)} for ${units(row.quantityTotal)} of SKU ${row.sku}, approved ${dayOf(row.approvedAt)}`);
}

export function orderLineProof(row: OrderLineFact, currency: string): ProofRow {
  const price = row.itemPriceMinor === null ? 'no item price' : `item price ${amountText(row.itemPriceMinor, row.currency ?? currency)}`;
  return proof(row, `Order line: ${units(row.quantity)} of SKU ${row.sku} (ASIN ${row.asin ?? '?'}), ${price}, fulfilled by ${row.fulfillmentChannel ?? '?'}, purchased ${dayOf(row.purchasedAt)}`);
}

export function mfnReturnProof(row: MfnReturnFact): ProofRow {
  const refunded = row.refundedAmountMinor === null ? 'nothing refunded' : `refunded ${amountText(row.refundedAmountMinor, row.currency)}`;
  const delivered = row.returnDeliveredAt === null ? 'no return delivery' : `return delivered ${dayOf(row.returnDeliveredAt)}`;
  return proof(row, `MFN return ${row.rmaId || '(no RMA)'} of ${units(row.returnQuantity)} of SKU ${row.sku}: resolution ${row.resolution ?? '?'}, ${refunded}, ${delivered}`);
}

export function inspectionProof(row: InspectionFact): ProofRow {
  return proof(row, `Seller inspection graded the unit ${row.grade} on ${dayOf(row.inspectedAt)} (${row.evidence.length} evidence file${row.evidence.length === 1 ? '' : 's'})`);
}
