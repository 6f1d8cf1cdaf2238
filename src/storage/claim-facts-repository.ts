import type { Kysely } from 'kysely';
import type {
  FbaReturnFact, InspectionFact, MfnReturnFact, OrderFacts, OrderLineFact, ReimbursementFact, SettlementRefundFact,
} from '../domain/claims/reconcile-facts.js';
import type { Schema } from './schema.js';

// Reading the reports into the reconciliation's facts, one page of orders at a time. Only orders with
// a refund, a return or a reimbursement can owe anything: the millions of plain order lines are read
// only for those orders, through the per-table (account, order) indexes. Only the columns the facts use
// are read, and each fact is one object literal: spreading a provenance object into every row and
// reading whole rows were a third of a reconciliation (npm run bench:reconcile).

type Db = Kysely<Schema>;
type FileNames = ReadonlyMap<number, string>;

/** The file name of every import run of the account, for the proof rows' provenance. */
export async function importFileNames(db: Db, accountId: number): Promise<Map<number, string>> {
  const rows = await db.selectFrom('import_runs').select(['id', 'file_name']).where('account_id', '=', accountId).execute();
  return new Map(rows.map((r) => [r.id, r.file_name]));
}

/** Every (marketplace, order) that has a settlement refund, an FBA or MFN return or a reimbursement, sorted. */
export async function ordersToReconcile(db: Db, accountId: number): Promise<{ marketplaceCode: string; orderId: string }[]> {
  const seen = new Map<string, { marketplaceCode: string; orderId: string }>();
  const add = (rows: readonly { marketplace_code: string; order_id: string | null }[]) => {
    for (const r of rows) if (r.order_id) seen.set(`${r.marketplace_code}\t${r.order_id}`, { marketplaceCode: r.marketplace_code, orderId: r.order_id });
  };
  add(await db.selectFrom('settlement_refunds').select(['marketplace_code', 'order_id']).distinct().where('account_id', '=', accountId).execute());
  add(await db.selectFrom('fba_returns').select(['marketplace_code', 'order_id']).distinct().where('account_id', '=', accountId).execute());
  add(await db.selectFrom('mfn_returns').select(['marketplace_code', 'order_id']).distinct().where('account_id', '=', accountId).execute());
  add(await db.selectFrom('reimbursements').select(['marketplace_code', 'amazon_order_id as order_id']).distinct().where('account_id', '=', accountId).execute());
  return [...seen.values()].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.marketplaceCode < b.marketplaceCode ? -1 : 1));
}


type Keyed<T> = Map<string, T[]>;
const keyOf = (marketplaceCode: string, orderId: string) => `${marketplaceCode}\t${orderId}`;

// Rows come back in index order, not by id: sorting a whole page by id cost more than reading it
// (npm run bench:reconcile); each order's few rows are put back in id order here, as the domain expects.
function groupBy<R extends { id: number; marketplace_code: string }, T>(rows: readonly R[], orderOf: (row: R) => string | null, toFact: (row: R) => T): Keyed<T> {
  const byOrder = new Map<string, R[]>();
  for (const row of rows) {
    const orderId = orderOf(row);
    if (orderId === null) continue;
    const key = keyOf(row.marketplace_code, orderId);
    let list = byOrder.get(key);
    if (!list) byOrder.set(key, list = []);
    list.push(row);
  }
  const grouped: Keyed<T> = new Map();
  for (const [key, list] of byOrder) grouped.set(key, list.sort((a, b) => a.id - b.id).map(toFact));
  return grouped;
}

async function refundsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<SettlementRefundFact>> {
  const rows = await db.selectFrom('settlement_refunds').select(['id', 'import_run_id', 'line', 'marketplace_code', 'order_id', 'sku', 'adjustment_id', 'settlement_id', 'order_item_code', 'merchant_adjustment_item_id', 'amount_type', 'amount_description', 'amount_minor', 'currency', 'posted_date', 'quantity_purchased']).where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    source: 'settlement_refunds', rowId: r.id, file: files.get(r.import_run_id) ?? null, line: r.line, orderId: r.order_id, sku: r.sku, adjustmentId: r.adjustment_id, settlementId: r.settlement_id,
    orderItemCode: r.order_item_code, merchantAdjustmentItemId: r.merchant_adjustment_item_id, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: r.amount_minor, currency: r.currency, postedAt: r.posted_date, quantity: r.quantity_purchased,
  }));
}

async function fbaReturnsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<FbaReturnFact>> {
  const rows = await db.selectFrom('fba_returns').select(['id', 'import_run_id', 'line', 'marketplace_code', 'order_id', 'sku', 'fnsku', 'asin', 'quantity', 'return_date', 'detailed_disposition', 'reason', 'status', 'license_plate_number']).where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    source: 'fba_returns', rowId: r.id, file: files.get(r.import_run_id) ?? null, line: r.line, orderId: r.order_id, sku: r.sku, fnsku: r.fnsku, asin: r.asin, quantity: r.quantity,
    returnedAt: r.return_date, detailedDisposition: r.detailed_disposition, reason: r.reason, status: r.status, licensePlate: r.license_plate_number,
  }));
}

async function reimbursementsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<ReimbursementFact>> {
  const rows = await db.selectFrom('reimbursements').select(['id', 'import_run_id', 'line', 'marketplace_code', 'reimbursement_id', 'amazon_order_id', 'sku', 'fnsku', 'asin', 'reason', 'currency', 'amount_per_unit_minor', 'amount_total_minor', 'quantity_reimbursed_cash', 'quantity_reimbursed_inventory', 'quantity_reimbursed_total', 'approval_date', 'original_reimbursement_id', 'original_reimbursement_type']).where('account_id', '=', accountId).where('amazon_order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.amazon_order_id, (r) => ({
    source: 'reimbursements', rowId: r.id, file: files.get(r.import_run_id) ?? null, line: r.line, reimbursementId: r.reimbursement_id, orderId: r.amazon_order_id, sku: r.sku, fnsku: r.fnsku,
    asin: r.asin, reason: r.reason, currency: r.currency, amountPerUnitMinor: r.amount_per_unit_minor, amountTotalMinor: r.amount_total_minor,
    quantityCash: r.quantity_reimbursed_cash, quantityInventory: r.quantity_reimbursed_inventory, quantityTotal: r.quantity_reimbursed_total,
    approvedAt: r.approval_date, originalReimbursementId: r.original_reimbursement_id, originalReimbursementType: r.original_reimbursement_type,
  }));
}

async function orderLinesOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<OrderLineFact>> {
  const rows = await db.selectFrom('orders').select(['id', 'import_run_id', 'line', 'marketplace_code', 'amazon_order_id', 'sku', 'asin', 'quantity', 'currency', 'item_price_minor', 'fulfillment_channel', 'purchase_date']).where('account_id', '=', accountId).where('amazon_order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.amazon_order_id, (r) => ({
    source: 'orders', rowId: r.id, file: files.get(r.import_run_id) ?? null, line: r.line, orderId: r.amazon_order_id, sku: r.sku, asin: r.asin, quantity: r.quantity, currency: r.currency,
    itemPriceMinor: r.item_price_minor, fulfillmentChannel: r.fulfillment_channel, purchasedAt: r.purchase_date,
  }));
}

async function mfnReturnsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<MfnReturnFact>> {
  const rows = await db.selectFrom('mfn_returns').select(['id', 'import_run_id', 'line', 'marketplace_code', 'case_id', 'order_id', 'sku', 'amazon_rma_id', 'resolution', 'return_request_date', 'return_type', 'return_request_status', 'return_quantity', 'order_amount_minor', 'order_quantity', 'refunded_amount_minor', 'currency', 'return_delivery_date', 'safet_claim_id', 'safet_claim_state']).where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    source: 'mfn_returns', rowId: r.id, file: files.get(r.import_run_id) ?? null, line: r.line, caseId: r.case_id, orderId: r.order_id, sku: r.sku, rmaId: r.amazon_rma_id, resolution: r.resolution,
    returnRequestedAt: r.return_request_date,
    returnType: r.return_type, requestStatus: r.return_request_status, returnQuantity: r.return_quantity, orderAmountMinor: r.order_amount_minor,
    orderQuantity: r.order_quantity, refundedAmountMinor: r.refunded_amount_minor, currency: r.currency, returnDeliveredAt: r.return_delivery_date,
    safetClaimId: r.safet_claim_id, safetClaimState: r.safet_claim_state,
  }));
}

interface CaseRef { readonly id: number; readonly sku: string }

async function casesOf(db: Db, accountId: number, orderIds: readonly string[]): Promise<Keyed<CaseRef>> {
  const rows = await db.selectFrom('return_cases').select(['id', 'sku', 'order_id', 'marketplace_code'])
    .where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({ id: r.id, sku: r.sku }));
}

async function inspectionsOf(db: Db, accountId: number, caseIds: readonly number[]): Promise<Map<number, InspectionFact[]>> {
  const byCase = new Map<number, InspectionFact[]>();
  if (caseIds.length === 0) return byCase;
  const inspections = await db.selectFrom('inspections').select(['id', 'case_id', 'grade', 'inspected_at'])
    .where('account_id', '=', accountId).where('case_id', 'in', [...caseIds]).orderBy('id').execute();
  const evidence = await db.selectFrom('evidence_files').select(['inspection_id', 'sha256', 'kind', 'media_type', 'file_name'])
    .where('account_id', '=', accountId).where('case_id', 'in', [...caseIds]).orderBy('id').execute();
  const filesOf = new Map<number, InspectionFact['evidence'][number][]>();
  for (const e of evidence) {
    if (e.inspection_id === null) continue;
    const files = filesOf.get(e.inspection_id) ?? [];
    files.push({ sha256: e.sha256, kind: e.kind, mediaType: e.media_type, fileName: e.file_name });
    filesOf.set(e.inspection_id, files);
  }
  for (const inspection of inspections) {
    const files = filesOf.get(inspection.id) ?? [];
    const list = byCase.get(inspection.case_id) ?? [];
    list.push({ source: 'inspections', rowId: inspection.id, file: null, line: null, caseId: inspection.case_id, grade: inspection.grade, inspectedAt: inspection.inspected_at, evidence: files });
    byCase.set(inspection.case_id, list);
  }
  return byCase;
}

/**
 * The facts of a page of orders (from ordersToReconcile), in the page's order. `currencyOf` gives each
 * marketplace's currency. Seven queries per page, each an index range on (account, order).
 */
export async function readOrderFacts(db: Db, accountId: number, page: readonly { marketplaceCode: string; orderId: string }[], files: FileNames, currencyOf: (marketplaceCode: string) => string): Promise<OrderFacts[]> {
  const orderIds = [...new Set(page.map((p) => p.orderId))];
  const [refunds, fbaReturns, reimbursements, orderLines, mfnReturns, cases] = await Promise.all([
    refundsOf(db, accountId, orderIds, files), fbaReturnsOf(db, accountId, orderIds, files), reimbursementsOf(db, accountId, orderIds, files),
    orderLinesOf(db, accountId, orderIds, files), mfnReturnsOf(db, accountId, orderIds, files), casesOf(db, accountId, orderIds),
  ]);
  const inspections = await inspectionsOf(db, accountId, [...cases.values()].flat().map((c) => c.id));
  return page.map(({ marketplaceCode, orderId }) => {
    const key = keyOf(marketplaceCode, orderId);
    const orderCases = cases.get(key) ?? [];
    return {
      marketplaceCode, currency: currencyOf(marketplaceCode), orderId,
      caseIds: Object.fromEntries(orderCases.map((c) => [c.sku, c.id])),
      refunds: refunds.get(key) ?? [], fbaReturns: fbaReturns.get(key) ?? [], reimbursements: reimbursements.get(key) ?? [],
      orderLines: orderLines.get(key) ?? [], mfnReturns: mfnReturns.get(key) ?? [],
      inspections: orderCases.flatMap((c) => inspections.get(c.id) ?? []),
    };
  });
}
