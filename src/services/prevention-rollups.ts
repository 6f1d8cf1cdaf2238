import { addWeeks, dayNumberOf, monthDays, weekOfDay } from '../domain/prevention/purchase-weeks.js';
import { costMonthRows } from '../domain/prevention/cost-month-rows.js';
import { returnedRollups, shippedRollups } from '../domain/prevention/rollup-rows.js';
import type { FbaReturnRecord, MfnReturnRecord, OrderLineRecord, ReimbursementRecord, ReportType, SettlementRefundRecord } from '../domain/report-records.js';
import type { Database, Transaction } from '../storage/database.js';
import {
  clearRollups, extendReturnsThrough, lockRollups, markRollupsBuilt, orderDays, orderMonths, purchaseMonthsOfOrders, replaceMarketReasons, replaceMonths,
  replaceSettlementMonth, replaceWeeks,
  returnDays, returnsWithoutOrderLine, rollupsBuilt, settlementMonths,
} from '../storage/prevention-rollup-repository.js';
import { addCostRows, caseReportSums, costMonths, costMonthsOfOrders, deskRecordCount, replaceCostMonth, reportCostSums, settlementRefundSums } from '../storage/return-cost-rollup-repository.js';
import type { DeskRecord } from '../storage/return-cost-rollup-repository.js';

// Prevention rollups kept current at import (docs/prevention.md#speed): each import of order lines or
// returns rebuilds the months its rows belong to (by purchase date), the weeks touching those months,
// and the returns without an order line; each settlement import the posted months of its refund rows;
// and each import of returns, settlements or reimbursements the cost months of the orders it names.
// Reports read the rollups, never the millions of rows behind.

/**
 * What an import touched: purchase months of its order lines and of its returns' order lines, SKUs,
 * posted months of its settlement rows. Only short strings are kept, each copied: a value cut from a
 * parsed line keeps the whole chunk of the file it came from alive (V8 sliced strings), and keeping
 * every return's order id made a 300,000-row import take 190 MB more.
 */
export class RollupScope {
  /**
   * Whether the batches are noted at all: not when the account's rollups were not built as the import
   * began, since its refresh builds them in full (a first import of a million rows looks nothing up).
   */
  readonly tracking: boolean;
  readonly months = new Set<string>();
  readonly settlementMonths = new Set<string>();
  /** Months of the cost rollup to rebuild (return-cost-rollup-repository.ts), by when the money moved. */
  readonly costMonths = new Set<string>();
  /** SKUs of the order lines and returns imported: only their returns can join or leave the no-order-line rows. */
  readonly skus = new Set<string>();
  /** The latest day a return of the import was asked for (YYYY-MM-DD, UTC). */
  latestReturn: string | null = null;
  /** Whether order lines or returns changed (the settlement rollup alone needs no rate rebuild). */
  ratesTouched = false;
  touched = false;

  constructor(tracking = true) {
    this.tracking = tracking;
  }

  /** The scope of an import into the account as it stands in `tx`. */
  static async open(tx: Transaction, accountId: number): Promise<RollupScope> {
    return new RollupScope(await rollupsBuilt(tx.db, accountId));
  }

  /**
   * Notes a batch as it is merged; for returns, looks up the purchase months of their order lines, and
   * for returns, settlements and reimbursements the cost months of their orders.
   */
  async add(tx: Transaction, accountId: number, reportType: ReportType, records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return;
    if (!this.tracking) {
      this.touched ||= reportType !== 'removals' && reportType !== 'product-sheet';
      return;
    }
    if (reportType === 'all-orders') {
      for (const record of records as OrderLineRecord[]) {
        keep(this.months, record.purchaseDate.slice(0, 7));
        keep(this.skus, record.sku);
      }
    } else if (reportType === 'fba-returns' || reportType === 'mfn-returns') {
      const returns = records as (FbaReturnRecord | MfnReturnRecord)[];
      for (const record of returns) {
        keep(this.skus, record.sku);
        const day = ('returnDate' in record ? record.returnDate : record.returnRequestDate).slice(0, 10);
        if (this.latestReturn === null || day > this.latestReturn) this.latestReturn = copied(day);
      }
      for (const month of await purchaseMonthsOfOrders(tx.db, accountId, [...new Set(returns.map((r) => r.orderId))])) keep(this.months, month);
    } else if (reportType === 'settlement') {
      for (const record of records as SettlementRefundRecord[]) keep(this.settlementMonths, record.postedDate.slice(0, 7));
    } else if (reportType !== 'reimbursements') {
      return;
    }
    if (reportType !== 'all-orders') await this.addCostMonths(tx, accountId, reportType, records);
    this.ratesTouched ||= reportType === 'all-orders' || reportType === 'fba-returns' || reportType === 'mfn-returns';
    this.touched = true;
  }

  /**
   * Before a batch is merged into rows the account already has: the months its rows counted in so far.
   * An order line re-imported with another purchase date moves to another month, a return re-imported
   * with another delivery date too, and the month they leave must be rebuilt as well.
   */
  async addStoredMonths(tx: Transaction, accountId: number, reportType: ReportType, records: readonly unknown[]): Promise<void> {
    if (!this.tracking) return;
    if (reportType === 'all-orders') {
      const orderIds = [...new Set((records as OrderLineRecord[]).map((r) => r.amazonOrderId))];
      for (const month of await purchaseMonthsOfOrders(tx.db, accountId, orderIds)) keep(this.months, month);
    } else if (reportType === 'fba-returns' || reportType === 'mfn-returns' || reportType === 'reimbursements') {
      await this.addCostMonths(tx, accountId, reportType, records);
    }
  }

  /** The cost months the orders of the batch count in (in the rows stored now). */
  private async addCostMonths(tx: Transaction, accountId: number, reportType: ReportType, records: readonly unknown[]): Promise<void> {
    const orderIds = new Set<string>();
    for (const record of records) {
      const orderId = orderIdOf(reportType, record);
      if (orderId) orderIds.add(orderId);
    }
    for (const month of await costMonthsOfOrders(tx.db, accountId, [...orderIds])) keep(this.costMonths, month);
  }
}

function orderIdOf(reportType: ReportType, record: unknown): string | null {
  if (reportType === 'settlement') return (record as SettlementRefundRecord).orderId;
  if (reportType === 'reimbursements') return (record as ReimbursementRecord).amazonOrderId;
  return (record as FbaReturnRecord | MfnReturnRecord).orderId;
}

/** A copy of a short string that holds no reference to the text it was cut from. */
function copied(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function keep(set: Set<string>, value: string): void {
  if (!set.has(value)) set.add(copied(value));
}

/** Brings the account's rollups up to date with what an import wrote, inside its transaction. */
export async function refreshPreventionRollups(tx: Transaction, accountId: number, scope: RollupScope, now: string): Promise<void> {
  if (!scope.touched) return;
  await lockRollups(tx, accountId);
  // Not tracked: the rollups were not built when the import began (another import may have built them since).
  if (!scope.tracking || !(await rollupsBuilt(tx.db, accountId))) return buildRollups(tx, accountId, now);
  for (const month of [...scope.settlementMonths].sort()) await rebuildSettlementMonth(tx, accountId, month);
  // After the settlement months: the cost rollup reads them.
  for (const month of [...new Set([...scope.costMonths, ...scope.settlementMonths])].sort()) await rebuildCostMonth(tx, accountId, month);
  if (scope.latestReturn !== null) await extendReturnsThrough(tx, accountId, scope.latestReturn);
  if (!scope.ratesTouched) return;
  for (const month of [...scope.months].sort()) await rebuildMonth(tx, accountId, month);
  await rebuildReturnsWithoutOrderLine(tx, accountId, [...scope.skus]);
}

/** Builds the account's rollups in full when they have never been (a database from before them). */
export async function ensurePreventionRollups(database: Database, accountId: number, now: string = new Date().toISOString()): Promise<void> {
  if (await rollupsBuilt(database.db, accountId)) return;
  await database.transaction(async (tx) => {
    // Another process may have built them while this one waited for the lock.
    await lockRollups(tx, accountId);
    if (!(await rollupsBuilt(tx.db, accountId))) await buildRollups(tx, accountId, now);
  });
}

async function buildRollups(tx: Transaction, accountId: number, now: string): Promise<void> {
  await clearRollups(tx, accountId);
  for (const month of await orderMonths(tx.db, accountId)) await rebuildMonth(tx, accountId, month);
  await rebuildReturnsWithoutOrderLine(tx, accountId);
  for (const month of await settlementMonths(tx.db, accountId)) await rebuildSettlementMonth(tx, accountId, month);
  for (const month of await costMonths(tx.db, accountId)) await rebuildCostMonth(tx, accountId, month);
  await markRollupsBuilt(tx, accountId, now);
}

/** A month of the cost rollup, from the report rows of the month (and its settlement rollup). */
async function rebuildCostMonth(tx: Transaction, accountId: number, month: string): Promise<void> {
  await replaceCostMonth(tx, accountId, month, costMonthRows(await reportCostSums(tx.db, accountId, month)));
}

/** A posted month's settlement refund sums (a refund in two settlement files once: return-cost-rollup-repository.ts). */
async function rebuildSettlementMonth(tx: Transaction, accountId: number, month: string): Promise<void> {
  const { first, next } = monthDays(month);
  await replaceSettlementMonth(tx, accountId, month, await settlementRefundSums(tx.db, accountId, first, next));
}

/** The month's rows, and the rows of every week with a day in it (read whole, days of the months around included). */
async function rebuildMonth(tx: Transaction, accountId: number, month: string): Promise<void> {
  const { first, next } = monthDays(month);
  const fromWeek = weekOfDay(dayNumberOf(first));
  const toWeek = addWeeks(weekOfDay(dayNumberOf(next) - 1), 1);
  const keep = { months: new Set([month]) };
  const shipped = shippedRollups(await orderDays(tx.db, accountId, fromWeek, toWeek), keep);
  const returned = returnedRollups(await returnDays(tx.db, accountId, fromWeek, toWeek), shipped.weeks, keep);
  await replaceMonths(tx, accountId, [month], shipped.months, returned);
  await replaceMarketReasons(tx, accountId, month, returned);
  await replaceWeeks(tx, accountId, fromWeek, toWeek, shipped.weeks.values());
}

/**
 * The rows of returns without an order line; of these SKUs only, when given: an import's order lines
 * can only take their own SKU's returns out of them, and its returns only add their own (checking every
 * return of a large seller took 3.5 s of each import on the analytics bench).
 */
async function rebuildReturnsWithoutOrderLine(tx: Transaction, accountId: number, skus?: readonly string[]): Promise<void> {
  const returned = returnedRollups(await returnsWithoutOrderLine(tx, accountId, skus), new Map());
  await replaceMonths(tx, accountId, [''], [], returned, skus);
}

/**
 * Before the desk writes a case's first refund, receipt or route: the case's figures of that kind leave
 * the cost rollup (its reported refunds, its delivery, Amazon's grading), for they count from the
 * record from now on, as a build in full counts them. Called before the case changes (a receipt sets
 * the case's arrival when the report gave none, which the rollup never held).
 */
export async function takeCaseOffCostRollup(tx: Transaction, accountId: number, caseId: number, desk: DeskRecord): Promise<void> {
  await lockRollups(tx, accountId);
  if (!(await rollupsBuilt(tx.db, accountId)) || (await deskRecordCount(tx.db, accountId, caseId, desk)) > 0) return;
  await addCostRows(tx, accountId, costMonthRows(await caseReportSums(tx.db, accountId, caseId, desk), -1));
}
