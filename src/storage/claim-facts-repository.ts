import type { Kysely } from 'kysely';
import type {
  FbaReturnFact, InspectionFact, MfnReturnFact, OrderFacts, OrderLineFact, ReimbursementFact, SettlementRefundFact,
} from '../domain/claims/reconcile-facts.js';
import type { ProofSource, Provenance } from '../domain/claims/claim.js';
import type { Schema } from './schema.js';

// Reading the reports into the reconciliation's facts, one page of orders at a time. Only orders with
// a refund, a return or a reimbursement can owe anything: the millions of plain order lines are read
// only for those orders, through the per-table (account, order) indexes.

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

function provenance(source: ProofSource, row: { id: number; import_run_id: number; line: number }, files: FileNames): Provenance {
  return { source, rowId: row.id, file: files.get(row.import_run_id) ?? null, line: row.line };
}

type Keyed<T> = Map<string, T[]>;
const keyOf = (marketplaceCode: string, orderId: string) => `${marketplaceCode}\t${orderId}`;

function groupBy<R extends { marketplace_code: string }, T>(rows: readonly R[], orderOf: (row: R) => string | null, toFact: (row: R) => T): Keyed<T> {
  const grouped: Keyed<T> = new Map();
  for (const row of rows) {
    const orderId = orderOf(row);
    if (orderId === null) continue;
    const key = keyOf(row.marketplace_code, orderId);
    let list = grouped.get(key);
    if (!list) grouped.set(key, list = []);
    list.push(toFact(row));
  }
  return grouped;
}

async function refundsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<SettlementRefundFact>> {
  const rows = await db.selectFrom('settlement_refunds').selectAll().where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).orderBy('id').execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    ...provenance('settlement_refunds', r, files), orderId: r.order_id, sku: r.sku, adjustmentId: r.adjustment_id, settlementId: r.settlement_id,
    orderItemCode: r.order_item_code, merchantAdjustmentItemId: r.merchant_adjustment_item_id, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: r.amount_minor, currency: r.currency, postedAt: r.posted_date, quantity: r.quantity_purchased,
  }));
}

async function fbaReturnsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<FbaReturnFact>> {
  const rows = await db.selectFrom('fba_returns').selectAll().where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).orderBy('id').execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    ...provenance('fba_returns', r, files), orderId: r.order_id, sku: r.sku, fnsku: r.fnsku, asin: r.asin, quantity: r.quantity,
    returnedAt: r.return_date, detailedDisposition: r.detailed_disposition, reason: r.reason, status: r.status, licensePlate: r.license_plate_number,
  }));
}

async function reimbursementsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<ReimbursementFact>> {
  const rows = await db.selectFrom('reimbursements').selectAll().where('account_id', '=', accountId).where('amazon_order_id', 'in', [...orderIds]).orderBy('id').execute();
  return groupBy(rows, (r) => r.amazon_order_id, (r) => ({
    ...provenance('reimbursements', r, files), reimbursementId: r.reimbursement_id, orderId: r.amazon_order_id, sku: r.sku, fnsku: r.fnsku,
    asin: r.asin, reason: r.reason, currency: r.currency, amountPerUnitMinor: r.amount_per_unit_minor, amountTotalMinor: r.amount_total_minor,
    quantityCash: r.quantity_reimbursed_cash, quantityInventory: r.quantity_reimbursed_inventory, quantityTotal: r.quantity_reimbursed_total,
    approvedAt: r.approval_date, originalReimbursementId: r.original_reimbursement_id, originalReimbursementType: r.original_reimbursement_type,
  }));
}

async function orderLinesOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<OrderLineFact>> {
  const rows = await db.selectFrom('orders').selectAll().where('account_id', '=', accountId).where('amazon_order_id', 'in', [...orderIds]).orderBy('id').execute();
  return groupBy(rows, (r) => r.amazon_order_id, (r) => ({
    ...provenance('orders', r, files), orderId: r.amazon_order_id, sku: r.sku, asin: r.asin, quantity: r.quantity, currency: r.currency,
    itemPriceMinor: r.item_price_minor, fulfillmentChannel: r.fulfillment_channel, purchasedAt: r.purchase_date,
  }));
}

async function mfnReturnsOf(db: Db, accountId: number, orderIds: readonly string[], files: FileNames): Promise<Keyed<MfnReturnFact>> {
  const rows = await db.selectFrom('mfn_returns').selectAll().where('account_id', '=', accountId).where('order_id', 'in', [...orderIds]).orderBy('id').execute();
  return groupBy(rows, (r) => r.order_id, (r) => ({
    ...provenance('mfn_returns', r, files), caseId: r.case_id, orderId: r.order_id, sku: r.sku, rmaId: r.amazon_rma_id, resolution: r.resolution,
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
  for (const inspection of inspections) {
    const files = evidence.filter((e) => e.inspection_id === inspection.id)
      .map((e) => ({ sha256: e.sha256, kind: e.kind, mediaType: e.media_type, fileName: e.file_name }));
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
