import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { CostMonthRow, DispositionUnits, PaidLabelSum, ReportCostSums } from '../domain/prevention/cost-month-rows.js';
import { monthDays } from '../domain/prevention/purchase-weeks.js';
import type { HandledUnits, ReimbursementSum, ReportedRefundSum, SettlementRefundSum } from '../domain/prevention/return-costs.js';
import type { Transaction } from './database.js';
import { inMonths } from './prevention-repository.js';
import type { MonthRange } from './prevention-repository.js';
import type { Schema } from './schema.js';

// The cost rollup (migration 20261128T1100-prevention-cost-rollup): the imported reports' sums of a
// month, written at import, without the cases the desk recorded something for over the report (a
// refund, a receipt, a route: those count from the record, return-cost-repository.ts). The first such
// record of a case takes the case's figures off the rollup as it is written. Times are UTC ISO-8601
// text, so a month is the first seven characters on both databases.

type Db = Kysely<Schema>;

/** Desk records whose cases count from them instead of from the reports. */
export type DeskRecord = 'refunds' | 'case_receipts' | 'dispositions';

export const monthOf = (column: string): RawBuilder<string> => sql<string>`substr(${sql.raw(column)}, 1, 7)`;

/**
 * ` and column >= first day and column < day after the last month`: the same as comparing the column's
 * month (ISO-8601 text), but a range an index on the column can serve.
 */
export function within(column: string, range: MonthRange): RawBuilder<unknown> {
  const bounds: RawBuilder<unknown>[] = [];
  if (range.fromMonth !== undefined) bounds.push(sql`${sql.raw(column)} >= ${monthDays(range.fromMonth).first}`);
  if (range.toMonth !== undefined) bounds.push(sql`${sql.raw(column)} < ${monthDays(range.toMonth).next}`);
  return bounds.length === 0 ? sql`` : sql` and ${sql.join(bounds, sql` and `)}`;
}

/**
 * Which report rows a sum reads: a month's, less the cases with a `desk` record (those count from the
 * record: a build of the month), or one case's in every month (what its first desk record takes off).
 */
export type ReportRows = { readonly month: string } | { readonly caseId: number };

/** ` and …`: the rows of `alias` (a table with account_id) that `rows` names, by their date and case columns. */
function rowsOf(rows: ReportRows, alias: string, dateColumn: string, caseColumn: string, desk: DeskRecord): RawBuilder<unknown> {
  const caseId = sql.ref(`${alias}.${caseColumn}`);
  if ('caseId' in rows) return sql` and ${caseId} = ${rows.caseId}`;
  return sql`${within(dateColumn, { fromMonth: rows.month, toMonth: rows.month })}
    and not exists (select 1 from ${sql.table(desk)} as d where d.account_id = ${sql.ref(`${alias}.account_id`)} and d.case_id = ${caseId})`;
}

/** Whether the settlements hold a refund row of the order line (then the settlement counts, not a report or the desk) (`alias` a row with account_id, order_id and sku). */
export const settledByAmazon = (alias: string, orderColumn = 'order_id') => sql`exists (select 1 from settlement_refunds s
  where s.account_id = ${sql.ref(`${alias}.account_id`)} and s.order_id = ${sql.ref(`${alias}.${orderColumn}`)} and s.sku = ${sql.ref(`${alias}.sku`)})`;

/**
 * Settlement refund rows posted in [fromDay, toDay) summed per marketplace, SKU, currency, month, amount
 * type and description: what the `settlement_refund_months` rollup holds (prevention-rollups.ts). The
 * same refund can sit in two settlement files: a row counts unless a settlement with a lower id holds
 * a row of the same order, adjustment, item, amount type, description and amount (claims read them
 * the same way, domain/claims/refunds.ts; where identical rows repeat within a file, the file with the
 * lowest id says how often). One index lookup per row: three nested groupings to count the n-th
 * repeat in each file took twice as long on 3.6 M settlement rows.
 */
export async function settlementRefundSums(db: Db, accountId: number, fromDay: string, toDay: string): Promise<SettlementRefundSum[]> {
  const month = monthOf('s.posted_date');
  const sku = sql<string>`coalesce(s.sku, '')`;
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; amount_type: string; amount_description: string; amount: number }>`
    select s.marketplace_code, ${sku} as sku, s.currency, ${month} as month, s.amount_type, s.amount_description, sum(s.amount_minor) as amount
    from settlement_refunds as s
    where s.account_id = ${accountId} and s.posted_date >= ${fromDay} and s.posted_date < ${toDay}
      and not exists (select 1 from settlement_refunds as t
        where t.account_id = s.account_id and t.order_id = s.order_id and t.amount_type = s.amount_type and t.amount_description = s.amount_description
          and t.settlement_id < s.settlement_id and t.adjustment_id = s.adjustment_id and t.order_item_code = s.order_item_code
          and t.merchant_adjustment_item_id = s.merchant_adjustment_item_id and t.amount_minor = s.amount_minor)
    group by s.marketplace_code, ${sku}, s.currency, ${month}, s.amount_type, s.amount_description`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: Number(r.amount),
  }));
}


/** The MFN report's refunded amounts of order lines without a settlement refund, in the month delivered (requested when not delivered). */
async function reportedRefundSums(db: Db, accountId: number, rows: ReportRows): Promise<ReportedRefundSum[]> {
  // The report gives no refund date: a refund follows the parcel's delivery, or the request when none came back.
  const refundDate = 'coalesce(m.return_delivery_date, m.return_request_date)';
  const result = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; refunded: number }>`
    select m.marketplace_code, m.sku, m.currency, ${monthOf(refundDate)} as month, sum(m.refunded_amount_minor) as refunded
    from mfn_returns as m
    where m.account_id = ${accountId} and m.refunded_amount_minor is not null${rowsOf(rows, 'm', refundDate, 'case_id', 'refunds')} and not ${settledByAmazon('m')}
    group by m.marketplace_code, m.sku, m.currency, ${monthOf(refundDate)}`.execute(db);
  return result.rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, refundedMinor: Number(r.refunded) }));
}

/** MFN return labels by who pays them, in the month of the request. */
async function labelSums(db: Db, accountId: number, range: MonthRange): Promise<PaidLabelSum[]> {
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; label_paid_by: string | null; cost: number }>`
    select marketplace_code, sku, currency, ${monthOf('return_request_date')} as month, label_paid_by, sum(label_cost_minor) as cost
    from mfn_returns
    where account_id = ${accountId} and label_cost_minor is not null${within('return_request_date', range)}
    group by marketplace_code, sku, currency, ${monthOf('return_request_date')}, label_paid_by`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, paidBy: r.label_paid_by, labelMinor: Number(r.cost),
  }));
}

/** MFN cases the report says were delivered, in the month delivered (cases with a receipt recorded count by it). */
async function deliveredUnits(db: Db, accountId: number, rows: ReportRows): Promise<HandledUnits[]> {
  const result = await sql<{ marketplace_code: string; sku: string; month: string; units: number }>`
    select c.marketplace_code, c.sku, ${monthOf('c.received_at')} as month, sum(c.quantity) as units
    from return_cases as c
    where c.account_id = ${accountId} and c.channel = 'MFN' and c.received_at is not null${rowsOf(rows, 'c', 'c.received_at', 'id', 'case_receipts')}
    group by c.marketplace_code, c.sku, ${monthOf('c.received_at')}`.execute(db);
  return result.rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, units: Number(r.units) }));
}

/** FBA returns by Amazon's detailed disposition, in the month processed (cases with a route recorded count by it). */
async function dispositionUnits(db: Db, accountId: number, rows: ReportRows): Promise<DispositionUnits[]> {
  const result = await sql<{ marketplace_code: string; sku: string; month: string; detailed_disposition: string | null; units: number }>`
    select f.marketplace_code, f.sku, ${monthOf('f.return_date')} as month, f.detailed_disposition, sum(f.quantity) as units
    from fba_returns as f
    where f.account_id = ${accountId}${rowsOf(rows, 'f', 'f.return_date', 'case_id', 'dispositions')}
    group by f.marketplace_code, f.sku, ${monthOf('f.return_date')}, f.detailed_disposition`.execute(db);
  return result.rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, disposition: r.detailed_disposition, units: Number(r.units) }));
}

/** FBA reimbursements naming an order (customer returns and refunds, not warehouse losses), in the month approved; reversals are negative rows. */
async function reimbursementSums(db: Db, accountId: number, range: MonthRange): Promise<ReimbursementSum[]> {
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; amount: number }>`
    select marketplace_code, sku, currency, ${monthOf('approval_date')} as month, sum(amount_total_minor) as amount
    from reimbursements
    where account_id = ${accountId} and amazon_order_id is not null and amazon_order_id <> ''${within('approval_date', range)}
    group by marketplace_code, sku, currency, ${monthOf('approval_date')}`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountMinor: Number(r.amount) }));
}

/** The settlement refund sums of the months, from their rollup (a refund in two settlement files once). */
async function settlementSums(db: Db, accountId: number, range: MonthRange): Promise<ReportCostSums['settlement']> {
  const rows = await db.selectFrom('settlement_refund_months')
    .select(['marketplace_code', 'sku', 'currency', 'month', 'amount_type', 'amount_description', 'amount_minor'])
    .where('account_id', '=', accountId).where(inMonths(range)).execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: Number(r.amount_minor),
  }));
}

/** Everything the imported reports say about a month's cost of returns (settlement months built before), but what the desk recorded over. */
export async function reportCostSums(db: Db, accountId: number, month: string): Promise<ReportCostSums> {
  const range = { fromMonth: month, toMonth: month };
  return {
    settlement: await settlementSums(db, accountId, range), reportedRefunds: await reportedRefundSums(db, accountId, { month }),
    labels: await labelSums(db, accountId, range), delivered: await deliveredUnits(db, accountId, { month }),
    fbaDispositions: await dispositionUnits(db, accountId, { month }), reimbursements: await reimbursementSums(db, accountId, range),
  };
}

/** What one case adds to the rollup that a desk record of that kind takes off: its reported refunds, its delivery or Amazon's grading. */
export async function caseReportSums(db: Db, accountId: number, caseId: number, desk: DeskRecord): Promise<ReportCostSums> {
  const rows = { caseId };
  return {
    settlement: [], labels: [], reimbursements: [],
    reportedRefunds: desk === 'refunds' ? await reportedRefundSums(db, accountId, rows) : [],
    delivered: desk === 'case_receipts' ? await deliveredUnits(db, accountId, rows) : [],
    fbaDispositions: desk === 'dispositions' ? await dispositionUnits(db, accountId, rows) : [],
  };
}

const amountColumns = [
  'settled_refunds_minor', 'settled_fees_minor', 'settled_kept_minor', 'reported_refunds_minor', 'labels_minor', 'reimbursed_minor', 'delivered_units', 'unsellable_units',
] as const;

/** Replaces the rollup rows of one month. */
export async function replaceCostMonth(tx: Transaction, accountId: number, month: string, rows: readonly CostMonthRow[]): Promise<void> {
  await tx.db.deleteFrom('return_cost_months').where('account_id', '=', accountId).where('month', '=', month).execute();
  await tx.bulk.insert('return_cost_months', ['account_id', 'month', 'marketplace_code', 'sku', 'currency', ...amountColumns], rows.map((r) => [
    accountId, r.month, r.marketplaceCode, r.sku, r.currency, r.settledRefundsMinor, r.settledFeesMinor, r.settledKeptMinor, r.reportedRefundsMinor,
    r.labelsMinor, r.reimbursedMinor, r.deliveredUnits, r.unsellableUnits,
  ]));
}

/** Adds the rows to the rollup's (negative rows take off), dropping rows left with nothing in them. */
export async function addCostRows(tx: Transaction, accountId: number, rows: readonly CostMonthRow[]): Promise<void> {
  for (const r of rows) {
    await tx.db.insertInto('return_cost_months').values({
      account_id: accountId, month: r.month, marketplace_code: r.marketplaceCode, sku: r.sku, currency: r.currency, settled_refunds_minor: r.settledRefundsMinor,
      settled_fees_minor: r.settledFeesMinor, settled_kept_minor: r.settledKeptMinor, reported_refunds_minor: r.reportedRefundsMinor, labels_minor: r.labelsMinor,
      reimbursed_minor: r.reimbursedMinor, delivered_units: r.deliveredUnits, unsellable_units: r.unsellableUnits,
    }).onConflict((conflict) => conflict.columns(['account_id', 'month', 'marketplace_code', 'sku', 'currency']).doUpdateSet((eb) => Object.fromEntries(
      amountColumns.map((column) => [column, eb(`return_cost_months.${column}`, '+', eb.ref(`excluded.${column}`))]),
    ))).execute();
    let empty = tx.db.deleteFrom('return_cost_months').where('account_id', '=', accountId).where('month', '=', r.month)
      .where('marketplace_code', '=', r.marketplaceCode).where('sku', '=', r.sku).where('currency', '=', r.currency);
    for (const column of amountColumns) empty = empty.where(column, '=', 0);
    await empty.execute();
  }
}

/** How many records of this kind the desk holds for the case. */
export async function deskRecordCount(db: Db, accountId: number, caseId: number, desk: DeskRecord): Promise<number> {
  const row = await db.selectFrom(desk).select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The rollup rows of the months given. */
export async function costMonthRowsOf(db: Db, accountId: number, range: MonthRange): Promise<CostMonthRow[]> {
  const rows = await db.selectFrom('return_cost_months').select(['month', 'marketplace_code', 'sku', 'currency', ...amountColumns])
    .where('account_id', '=', accountId).where(inMonths(range)).execute();
  return rows.map((r) => ({
    month: r.month, marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, settledRefundsMinor: Number(r.settled_refunds_minor),
    settledFeesMinor: Number(r.settled_fees_minor), settledKeptMinor: Number(r.settled_kept_minor), reportedRefundsMinor: Number(r.reported_refunds_minor),
    labelsMinor: Number(r.labels_minor), reimbursedMinor: Number(r.reimbursed_minor), deliveredUnits: Number(r.delivered_units), unsellableUnits: Number(r.unsellable_units),
  }));
}

/** Every month (YYYY-MM) any source of the rollup has rows in, for a build in full. */
export async function costMonths(db: Db, accountId: number): Promise<string[]> {
  const { rows } = await sql<{ month: string }>`
    select ${monthOf('return_request_date')} as month from mfn_returns where account_id = ${accountId}
    union select ${monthOf('coalesce(return_delivery_date, return_request_date)')} from mfn_returns where account_id = ${accountId}
    union select ${monthOf('received_at')} from return_cases where account_id = ${accountId} and channel = 'MFN' and received_at is not null
    union select ${monthOf('return_date')} from fba_returns where account_id = ${accountId}
    union select ${monthOf('approval_date')} from reimbursements where account_id = ${accountId}
    union select month from settlement_refund_months where account_id = ${accountId}`.execute(db);
  return rows.map((r) => r.month).filter((m) => m !== null && m !== '').sort();
}

/**
 * The months the MFN, FBA and reimbursement rows of these orders count in: before an import's batch
 * merges (a re-imported row may move to another month) and after (where it counts now; a settlement
 * refund takes an MFN refund out of its month).
 */
export async function costMonthsOfOrders(db: Db, accountId: number, orderIds: readonly string[]): Promise<string[]> {
  const months = new Set<string>();
  // Chunks keep every statement under both databases' bound-parameter limits.
  for (let start = 0; start < orderIds.length; start += 500) {
    const ids = sql.join(orderIds.slice(start, start + 500));
    const { rows } = await sql<{ month: string | null }>`
      select ${monthOf('m.return_request_date')} as month from return_cases c cross join mfn_returns m
        where c.account_id = ${accountId} and c.order_id in (${ids}) and m.case_id = c.id
      union select ${monthOf('coalesce(m.return_delivery_date, m.return_request_date)')} from return_cases c cross join mfn_returns m
        where c.account_id = ${accountId} and c.order_id in (${ids}) and m.case_id = c.id
      union select ${monthOf('c.received_at')} from return_cases c where c.account_id = ${accountId} and c.order_id in (${ids}) and c.received_at is not null
      union select ${monthOf('f.return_date')} from return_cases c cross join fba_returns f
        where c.account_id = ${accountId} and c.order_id in (${ids}) and f.case_id = c.id
      union select ${monthOf('approval_date')} from reimbursements where account_id = ${accountId} and amazon_order_id in (${ids})`.execute(db);
    for (const r of rows) if (r.month) months.add(r.month);
  }
  return [...months].sort();
}
