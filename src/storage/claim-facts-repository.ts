import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type {
  FbaReturnFact, InspectionFact, MfnReturnFact, OrderFacts, OrderLineFact, ReimbursementFact, SettlementRefundFact,
} from '../domain/claims/reconcile-facts.js';
import { neverItemPrice } from '../domain/claims/refunds.js';
import type { Transaction } from './database.js';
import type { CellValue } from './dialect.js';
import type { Schema } from './schema.js';

// Reading the reports into the reconciliation's facts, one page of orders at a time. Only orders with
// a refund, a return or a reimbursement can owe anything. A page is a range of order ids, (after, last]:
// the four tables that make an order worth reading are each read as one index range per page, and the
// millions of plain order lines only for the page's orders. Pages are cut and compared in SQL only, so
// the order of texts is the database's own on both SQLite and PostgreSQL. Rows are read as arrays, with
// only the columns the facts use (npm run bench:reconcile: objects, spreads and whole rows were a third
// of a reconciliation; keeping the list of every order to read in memory made garbage collection slow).

type Db = Kysely<Schema>;
type FileNames = ReadonlyMap<number, string>;
type Keyed<T> = Map<string, T[]>;

/** How many pages are asked for ahead of the one the caller works on. */
const pagesAhead = 3;

/**
 * The facts of every order with a settlement refund, a return or a reimbursement, a page at a time in
 * order id order (then marketplace); no page holds more than `rowsPerTable` rows of distinct orders
 * from any one table. The next pages are asked for ahead, without waiting for the caller: on a SQLite
 * file the read thread then always has work while the caller reconciles (one page ahead, asked for
 * only when the caller took the last, left the thread idle a quarter of the time).
 */
export async function* factPages(tx: Transaction, accountId: number, rowsPerTable: number, currencyOf: (marketplaceCode: string) => string): AsyncGenerator<OrderFacts[]> {
  const files = await importFileNames(tx.db, accountId);
  // A page runs from the end of the one before (null once there is none) to its own end. Each promise
  // gets a handler when made: a failure surfaces when its page is awaited (or never, if the caller
  // stopped before), not as an unhandled rejection while other pages are awaited.
  const pageAfter = (from: Promise<string | null>) => {
    const to = from.then((start) => (start === null ? null : nextPageEnd(tx, accountId, start, rowsPerTable)));
    const facts = Promise.all([from, to]).then(([start, end]) => (start === null || end === null ? null : readPageFacts(tx, accountId, start, end, files, currencyOf)));
    to.catch(() => undefined);
    facts.catch(() => undefined);
    return { to, facts };
  };
  const ahead = [pageAfter(Promise.resolve(''))];
  for (;;) {
    while (ahead.length < pagesAhead) ahead.push(pageAfter(ahead[ahead.length - 1]!.to));
    const facts = await ahead.shift()!.facts;
    if (facts === null) return;
    yield facts;
  }
}

/** The file name of every import run of the account, for the proof rows' provenance. */
async function importFileNames(db: Db, accountId: number): Promise<Map<number, string>> {
  const rows = await db.selectFrom('import_runs').select(['id', 'file_name']).where('account_id', '=', accountId).execute();
  return new Map(rows.map((r) => [r.id, r.file_name]));
}

/** The (table, order column) pairs whose rows make an order worth reconciling. */
const activityTables = [
  ['settlement_refunds', 'order_id'], ['fba_returns', 'order_id'], ['mfn_returns', 'order_id'], ['reimbursements', 'amazon_order_id'],
] as const;

/**
 * The last order id of the next page after `after` ('' for the first page), or null when no order is
 * left. Each of the four tables gives its next `rowsPerTable` rows' order ids from its (account, order)
 * index, without reading a row; the page ends at the lowest last id of a table that filled its share,
 * so no table has more than `rowsPerTable` rows of distinct orders in a page however its orders
 * interleave with the others'.
 */
async function nextPageEnd(tx: Transaction, accountId: number, after: string, rowsPerTable: number): Promise<string | null> {
  const ends = activityTables.map(([table, column]) => sql`select max(order_id) as last_id, count(*) as n from (
      select ${sql.ref(column)} as order_id from ${sql.table(table)} where account_id = ${accountId} and ${sql.ref(column)} > ${after}
      order by ${sql.ref(column)} limit ${rowsPerTable}) as ${sql.raw(`next_${table}`)}`);
  const query = sql`select coalesce(min(case when n = ${rowsPerTable} then last_id end), max(last_id)) as page_end
    from (${sql.join(ends, sql` union all `)}) as ends`;
  const [row] = await tx.read.arrays(query.compile(tx.db));
  return (row?.[0] ?? null) as string | null;
}

/**
 * The facts of every order in the page (after, last], ordered by order id then marketplace. All of the
 * page's queries are asked for at once: on SQLite they run on a read thread while the caller works.
 */
async function readPageFacts(tx: Transaction, accountId: number, after: string, last: string, files: FileNames, currencyOf: (marketplaceCode: string) => string): Promise<OrderFacts[]> {
  const reader = new PageReader(tx, accountId, after, last, files);
  const [refunds, fbaReturns, mfnReturns, reimbursements, orderLines, cases, inspections] = await Promise.all([
    reader.refunds(), reader.fbaReturns(), reader.mfnReturns(), reader.reimbursements(), reader.orderLines(), reader.cases(), reader.inspections(),
  ]);
  const keys = [...new Set([...refunds.keys(), ...fbaReturns.keys(), ...mfnReturns.keys(), ...reimbursements.keys()])].sort();
  return keys.map((key) => {
    const orderCases = cases.get(key) ?? [];
    const split = key.lastIndexOf('\t');
    const marketplaceCode = key.slice(split + 1);
    return {
      marketplaceCode, currency: currencyOf(marketplaceCode), orderId: key.slice(0, split),
      caseIds: Object.fromEntries(orderCases.map((c) => [c.sku, c.id])),
      refunds: refunds.get(key) ?? [], fbaReturns: fbaReturns.get(key) ?? [], reimbursements: reimbursements.get(key) ?? [],
      orderLines: orderLines.get(key) ?? [], mfnReturns: mfnReturns.get(key) ?? [],
      inspections: orderCases.flatMap((c) => inspections.get(c.id) ?? []),
    };
  });
}

// Order id first, so that sorting the keys sorts by order id, then marketplace; the code (never a tab)
// last, so that the key splits at its last tab.
const keyOf = (orderId: string, marketplaceCode: string) => `${orderId}\t${marketplaceCode}`;

/**
 * Groups array rows by (order, marketplace), in id order within an order as the domain expects (reads
 * come back in no set order; sorting each order's few rows costs less than sorting the page).
 * Every row given here starts with its id, marketplace code and order id.
 */
function groupRows<T>(rows: readonly CellValue[][], toFact: (row: CellValue[]) => T): Keyed<T> {
  const byOrder = new Map<string, CellValue[][]>();
  for (const row of rows) {
    const key = keyOf(row[2] as string, row[1] as string);
    const list = byOrder.get(key);
    if (list) list.push(row);
    else byOrder.set(key, [row]);
  }
  const grouped: Keyed<T> = new Map();
  for (const [key, list] of byOrder) {
    if (list.length > 1) list.sort((a, b) => (a[0] as number) - (b[0] as number));
    grouped.set(key, list.map(toFact));
  }
  return grouped;
}

/** One page's reads: each report table as array rows whose first columns are id, marketplace, order id. */
class PageReader {
  constructor(
    private readonly tx: Transaction, private readonly accountId: number,
    private readonly after: string, private readonly last: string, private readonly files: FileNames,
  ) {}

  private inRange(table: string, orderColumn: string, columns: string, andAlso: RawBuilder<unknown> = sql`true`): Promise<CellValue[][]> {
    const order = sql.ref(orderColumn);
    const query = sql`select ${sql.raw(columns)} from ${sql.table(table)}
      where account_id = ${this.accountId} and ${order} > ${this.after} and ${order} <= ${this.last} and ${andAlso}`;
    return this.tx.read.arrays(query.compile(this.tx.db));
  }

  private fileOf(importRunId: CellValue | undefined): string | null {
    return this.files.get(importRunId as number) ?? null;
  }

  async refunds(): Promise<Keyed<SettlementRefundFact>> {
    const rows = await this.inRange('settlement_refunds', 'order_id', `id, marketplace_code, order_id, import_run_id, line, sku, adjustment_id, settlement_id,
      order_item_code, merchant_adjustment_item_id, amount_type, amount_description, amount_minor, currency, posted_date, quantity_purchased`,
      sql`amount_type not in (${sql.join(neverItemPrice.amountTypes)}) and amount_description not in (${sql.join(neverItemPrice.amountDescriptions)})`);
    return groupRows(rows, (r) => ({
      source: 'settlement_refunds', rowId: r[0] as number, file: this.fileOf(r[3]), line: r[4] as number, orderId: r[2] as string,
      sku: r[5] as string | null, adjustmentId: r[6] as string, settlementId: r[7] as string, orderItemCode: r[8] as string,
      merchantAdjustmentItemId: r[9] as string, amountType: r[10] as string, amountDescription: r[11] as string,
      amountMinor: r[12] as number, currency: r[13] as string, postedAt: r[14] as string, quantity: r[15] as number | null,
    }));
  }

  async fbaReturns(): Promise<Keyed<FbaReturnFact>> {
    const rows = await this.inRange('fba_returns', 'order_id', `id, marketplace_code, order_id, import_run_id, line, sku, fnsku, asin, quantity,
      return_date, detailed_disposition, reason, status, license_plate_number`);
    return groupRows(rows, (r) => ({
      source: 'fba_returns', rowId: r[0] as number, file: this.fileOf(r[3]), line: r[4] as number, orderId: r[2] as string,
      sku: r[5] as string, fnsku: r[6] as string | null, asin: r[7] as string | null, quantity: r[8] as number,
      returnedAt: r[9] as string, detailedDisposition: r[10] as string | null, reason: r[11] as string | null, status: r[12] as string | null,
      licensePlate: r[13] as string,
    }));
  }

  async mfnReturns(): Promise<Keyed<MfnReturnFact>> {
    const rows = await this.inRange('mfn_returns', 'order_id', `id, marketplace_code, order_id, import_run_id, line, case_id, sku, amazon_rma_id,
      resolution, return_request_date, return_type, return_request_status, return_quantity, order_amount_minor, order_quantity,
      refunded_amount_minor, currency, return_delivery_date, safet_claim_id, safet_claim_state`);
    return groupRows(rows, (r) => ({
      source: 'mfn_returns', rowId: r[0] as number, file: this.fileOf(r[3]), line: r[4] as number, caseId: r[5] as number,
      orderId: r[2] as string, sku: r[6] as string, rmaId: r[7] as string, resolution: r[8] as string | null,
      returnRequestedAt: r[9] as string | null, returnType: r[10] as string | null, requestStatus: r[11] as string | null,
      returnQuantity: r[12] as number, orderAmountMinor: r[13] as number | null, orderQuantity: r[14] as number | null,
      refundedAmountMinor: r[15] as number | null, currency: r[16] as string, returnDeliveredAt: r[17] as string | null,
      safetClaimId: r[18] as string | null, safetClaimState: r[19] as string | null,
    }));
  }

  async reimbursements(): Promise<Keyed<ReimbursementFact>> {
    const rows = await this.inRange('reimbursements', 'amazon_order_id', `id, marketplace_code, amazon_order_id, import_run_id, line,
      reimbursement_id, sku, fnsku, asin, reason, currency, amount_per_unit_minor, amount_total_minor, quantity_reimbursed_cash,
      quantity_reimbursed_inventory, quantity_reimbursed_total, approval_date, original_reimbursement_id, original_reimbursement_type`);
    return groupRows(rows, (r) => ({
      source: 'reimbursements', rowId: r[0] as number, file: this.fileOf(r[3]), line: r[4] as number, reimbursementId: r[5] as string,
      orderId: r[2] as string, sku: r[6] as string, fnsku: r[7] as string | null, asin: r[8] as string | null, reason: r[9] as string | null,
      currency: r[10] as string, amountPerUnitMinor: r[11] as number | null, amountTotalMinor: r[12] as number,
      quantityCash: r[13] as number, quantityInventory: r[14] as number, quantityTotal: r[15] as number,
      approvedAt: r[16] as string, originalReimbursementId: r[17] as string | null, originalReimbursementType: r[18] as string | null,
    }));
  }

  /** Case ids and SKUs, from the (account, order, marketplace, SKU) index alone. */
  async cases(): Promise<Keyed<{ readonly id: number; readonly sku: string }>> {
    const rows = await this.inRange('return_cases', 'order_id', 'id, marketplace_code, order_id, sku');
    return groupRows(rows, (r) => ({ id: r[0] as number, sku: r[3] as string }));
  }

  /**
   * The order lines of the page's orders only (most order ids in the range have no refund, return or
   * reimbursement), found from the other tables' (account, order) indexes.
   */
  async orderLines(): Promise<Keyed<OrderLineFact>> {
    const pageOrders = activityTables.map(([table, column]) => sql`select ${sql.ref(column)} from ${sql.table(table)}
      where account_id = ${this.accountId} and ${sql.ref(column)} > ${this.after} and ${sql.ref(column)} <= ${this.last}`);
    const query = sql`select id, marketplace_code, amazon_order_id, import_run_id, line, sku, asin, quantity, currency, item_price_minor,
      fulfillment_channel, purchase_date from orders where account_id = ${this.accountId} and amazon_order_id in (${sql.join(pageOrders, sql` union `)})`;
    return groupRows(await this.tx.read.arrays(query.compile(this.tx.db)), (r) => ({
      source: 'orders', rowId: r[0] as number, file: this.fileOf(r[3]), line: r[4] as number, orderId: r[2] as string,
      sku: r[5] as string, asin: r[6] as string | null, quantity: r[7] as number, currency: r[8] as string | null,
      itemPriceMinor: r[9] as number | null, fulfillmentChannel: r[10] as string | null, purchasedAt: r[11] as string,
    }));
  }

  /** The seller's inspections of the page's cases, with their evidence files, oldest first. */
  async inspections(): Promise<Map<number, InspectionFact[]>> {
    const ofPageCases = (table: string) => sql`${sql.table(table)} as i join return_cases as c on c.id = i.case_id
      where c.account_id = ${this.accountId} and c.order_id > ${this.after} and c.order_id <= ${this.last} and i.account_id = ${this.accountId}`;
    const [inspections, evidence] = await Promise.all([
      this.tx.read.arrays(sql`select i.id, i.case_id, i.grade, i.inspected_at from ${ofPageCases('inspections')}`.compile(this.tx.db)),
      this.tx.read.arrays(sql`select i.id, i.inspection_id, i.sha256, i.kind, i.media_type, i.file_name
        from ${ofPageCases('evidence_files')} and i.inspection_id is not null`.compile(this.tx.db)),
    ]);
    const byId = (a: CellValue[], b: CellValue[]) => (a[0] as number) - (b[0] as number);
    const filesOf = new Map<number, InspectionFact['evidence'][number][]>();
    for (const [, inspectionId, sha256, kind, mediaType, fileName] of evidence.sort(byId)) {
      const files = filesOf.get(inspectionId as number) ?? [];
      files.push({ sha256: sha256 as string, kind: kind as string, mediaType: mediaType as string, fileName: fileName as string | null });
      filesOf.set(inspectionId as number, files);
    }
    const byCase = new Map<number, InspectionFact[]>();
    for (const [id, caseId, grade, inspectedAt] of inspections.sort(byId)) {
      const list = byCase.get(caseId as number) ?? [];
      list.push({
        source: 'inspections', rowId: id as number, file: null, line: null, caseId: caseId as number, grade: grade as string,
        inspectedAt: inspectedAt as string, evidence: filesOf.get(id as number) ?? [],
      });
      byCase.set(caseId as number, list);
    }
    return byCase;
  }
}
