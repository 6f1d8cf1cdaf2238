import { findMarketplace } from '../marketplaces.js';
import { sellerPaidLabelMinor } from '../refunds/refund-eligibility.js';
import { backInStock, settlementPartOf } from './return-costs.js';
import type { CostKey, HandledUnits, ReimbursementSum, ReportedRefundSum, SettledSum, SettlementRefundSum, SellerLabelSum, UnitKey, UnsellableUnits } from './return-costs.js';

// The cost rollup (storage table return_cost_months): what the imported reports say a month of returns
// cost and brought back, one row per month, marketplace, SKU and currency, so that the cost of a month
// of a large seller reads a few thousand rows (issue 6, bench:analytics). The report rows are classified
// here as the rollup is built (settlement parts, who pays a label, whether a unit was graded sellable):
// a change to those rules needs a migration that has the rollups built again.

/** MFN return labels by who the report says pays them ("Label to be paid by"; null when blank). */
export interface PaidLabelSum extends CostKey {
  readonly paidBy: string | null;
  readonly labelMinor: number;
}

/** FBA returns by Amazon's detailed disposition (null when not graded yet). */
export interface DispositionUnits extends UnitKey {
  readonly disposition: string | null;
  readonly units: number;
}

/** The sums of one or more months of report rows, as storage groups them. */
export interface ReportCostSums {
  readonly settlement: readonly SettlementRefundSum[];
  /** MFN refunds of order lines without a settlement refund. */
  readonly reportedRefunds: readonly ReportedRefundSum[];
  readonly labels: readonly PaidLabelSum[];
  /** MFN cases the report says were delivered. */
  readonly delivered: readonly HandledUnits[];
  readonly fbaDispositions: readonly DispositionUnits[];
  readonly reimbursements: readonly ReimbursementSum[];
}

export const costMonthAmounts = [
  'settledRefundsMinor', 'settledFeesMinor', 'settledKeptMinor', 'reportedRefundsMinor', 'labelsMinor', 'reimbursedMinor', 'deliveredUnits', 'unsellableUnits',
] as const;
export type CostMonthAmount = (typeof costMonthAmounts)[number];

export type CostMonthRow = CostKey & Record<CostMonthAmount, number>;

const emptyAmounts = (): Record<CostMonthAmount, number> => ({
  settledRefundsMinor: 0, settledFeesMinor: 0, settledKeptMinor: 0, reportedRefundsMinor: 0, labelsMinor: 0, reimbursedMinor: 0, deliveredUnits: 0, unsellableUnits: 0,
});

/** Rows summed by key. */
class CostMonthTable {
  private readonly rows = new Map<string, CostMonthRow>();

  add(key: CostKey, amount: CostMonthAmount, value: number): void {
    if (value === 0) return;
    const id = `${key.month}\t${key.marketplaceCode}\t${key.sku}\t${key.currency}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { month: key.month, marketplaceCode: key.marketplaceCode, sku: key.sku, currency: key.currency, ...emptyAmounts() }));
    row[amount] += value;
  }

  /** Units sit in the row of the marketplace's currency ('' when ReturnDesk does not know the marketplace). */
  addUnits(key: UnitKey, amount: CostMonthAmount, units: number): void {
    this.add({ ...key, currency: findMarketplace(key.marketplaceCode)?.currency ?? '' }, amount, units);
  }

  /** The rows with anything in them. */
  values(): CostMonthRow[] {
    return [...this.rows.values()].filter((row) => costMonthAmounts.some((amount) => row[amount] !== 0));
  }
}

const settledAmount = { refunds: 'settledRefundsMinor', fees: 'settledFeesMinor', restocking_fees: 'settledKeptMinor' } as const;

function addSums(table: CostMonthTable, sums: ReportCostSums, sign: 1 | -1): void {
  for (const s of sums.settlement) {
    const part = settlementPartOf(s.amountType, s.amountDescription);
    if (part !== null) table.add(s, settledAmount[part], sign * s.amountMinor);
  }
  for (const r of sums.reportedRefunds) table.add(r, 'reportedRefundsMinor', sign * r.refundedMinor);
  for (const l of sums.labels) {
    table.add(l, 'labelsMinor', sign * (sellerPaidLabelMinor({ costMinor: l.labelMinor, paidBy: l.paidBy, currency: l.currency }, l.currency) ?? 0));
  }
  for (const r of sums.reimbursements) table.add(r, 'reimbursedMinor', sign * r.amountMinor);
  for (const d of sums.delivered) table.addUnits(d, 'deliveredUnits', sign * d.units);
  for (const f of sums.fbaDispositions) if (backInStock(f.disposition) === false) table.addUnits(f, 'unsellableUnits', sign * f.units);
}

/** The rollup rows of report sums; negated with `sign` -1 (what a case's first desk record takes off). */
export function costMonthRows(sums: ReportCostSums, sign: 1 | -1 = 1): CostMonthRow[] {
  const table = new CostMonthTable();
  addSums(table, sums, sign);
  return table.values();
}

/** The facts of the cost of returns that rollup rows hold. */
export function factsOfCostMonths(rows: readonly CostMonthRow[]): {
  settled: SettledSum[]; reportedRefunds: ReportedRefundSum[]; labels: SellerLabelSum[]; handled: HandledUnits[]; unsellable: UnsellableUnits[];
  reimbursements: ReimbursementSum[];
} {
  const facts = { settled: [] as SettledSum[], reportedRefunds: [] as ReportedRefundSum[], labels: [] as SellerLabelSum[], handled: [] as HandledUnits[],
    unsellable: [] as UnsellableUnits[], reimbursements: [] as ReimbursementSum[] };
  // Object literals rather than spreads of a shared key: ~10,000 rows a month on a large seller.
  for (const { month, marketplaceCode, sku, currency, ...row } of rows) {
    const settled = (part: SettledSum['part'], amountMinor: number) => facts.settled.push({ marketplaceCode, sku, currency, month, part, amountMinor });
    if (row.settledRefundsMinor !== 0) settled('refunds', row.settledRefundsMinor);
    if (row.settledFeesMinor !== 0) settled('fees', row.settledFeesMinor);
    if (row.settledKeptMinor !== 0) settled('restocking_fees', row.settledKeptMinor);
    if (row.reportedRefundsMinor !== 0) facts.reportedRefunds.push({ marketplaceCode, sku, currency, month, refundedMinor: row.reportedRefundsMinor });
    if (row.labelsMinor !== 0) facts.labels.push({ marketplaceCode, sku, currency, month, labelMinor: row.labelsMinor });
    if (row.reimbursedMinor !== 0) facts.reimbursements.push({ marketplaceCode, sku, currency, month, amountMinor: row.reimbursedMinor });
    if (row.deliveredUnits !== 0) facts.handled.push({ marketplaceCode, sku, month, units: row.deliveredUnits });
    if (row.unsellableUnits !== 0) facts.unsellable.push({ marketplaceCode, sku, month, units: row.unsellableUnits });
  }
  return facts;
}
