import { codeOf } from '../claims/claim-math.js';
import type { PreventionPolicy } from './prevention-policy.js';
import { returnRate } from './rate-verdicts.js';
import { dayNumberOf, monthDays } from './purchase-weeks.js';
import type { ReturnRate } from './rate-verdicts.js';
import { compareCodeUnits as compare } from '../code-unit-order.js';

// Return rates per SKU, marketplace and month (issue 6): units returned of units shipped, each
// return counted in the month its order was bought, so a rate compares like with like (Amazon's own
// returns-fee threshold counts a ship month's units and their later returns the same way).

/** Units shipped of one SKU, ASIN and purchase month, summed (the rollups of rollup-rows.ts). */
export interface ShippedUnits {
  readonly marketplaceCode: string;
  readonly sku: string;
  /** '' when the report gave none. */
  readonly asin: string;
  /** 'fba', 'mfn' or '' when the All Orders report does not say. */
  readonly fulfillment: string;
  /** YYYY-MM of the purchase date (UTC). */
  readonly month: string;
  readonly units: number;
}

/** Returned units of one SKU, purchase month, reason category and party at fault, summed. */
export interface ReturnedUnits {
  readonly marketplaceCode: string;
  readonly sku: string;
  /** YYYY-MM of the order's purchase; null when the All Orders report has no line for the return. */
  readonly month: string | null;
  /** The order line's fulfilment: 'fba', 'mfn', or '' when unknown or without an order line. */
  readonly fulfillment: string;
  readonly units: number;
  /** The units by reason category (`unmapped` when the reason is unknown) and by party at fault. */
  readonly byReason: Readonly<Record<string, number>>;
  readonly byFault: Readonly<Record<string, number>>;
}

/** One SKU of one marketplace in one month. */
export interface RateRow {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly asins: readonly string[];
  readonly month: string;
  readonly shipped: number;
  readonly returned: number;
  /** The imported returns do not yet reach `monthFollowUpDays` after the month's end: more may come. */
  readonly provisional: boolean;
  /** Null when more units came back than shipped: the All Orders report misses lines (named in `problem`). */
  readonly rate: ReturnRate | null;
  readonly problem: string | null;
  /** Returned units by reason category (`unmapped` when the reason is unknown), and by party at fault. */
  readonly byReason: Readonly<Record<string, number>>;
  readonly byFault: Readonly<Record<string, number>>;
}

export interface ReturnRates {
  /** Highest rate first, small samples after the others, rows without a rate last; then marketplace, SKU and month. */
  readonly rows: readonly RateRow[];
  /** Returns whose order line is not in the imported All Orders report: counted, never in a rate, whatever the months asked for (theirs is unknown). */
  readonly withoutOrderLine: readonly { readonly marketplaceCode: string; readonly sku: string; readonly units: number }[];
}

/**
 * Whether an order line's units left for the buyer: its item status when the report gives one, else
 * the order's status, is Shipped, or a Shipped status with more said ("Shipped - Delivered to Buyer",
 * "Shipped - Returned to Seller"). Pending and cancelled lines were never shipped, so never returned.
 */
export function countsAsShipped(orderStatus: string | null, itemStatus: string | null): boolean {
  const status = codeOf(itemStatus) !== '' ? itemStatus : orderStatus;
  return codeOf(status).startsWith('shipped');
}

/**
 * Whether a purchase month's returns may still be coming: the imported returns (asked for up to
 * `returnsThrough`, YYYY-MM-DD) do not reach `monthFollowUpDays` days after the month's end.
 */
export function isProvisional(month: string, returnsThrough: string | null, policy: PreventionPolicy): boolean {
  if (returnsThrough === null) return true;
  return dayNumberOf(monthDays(month).next) - 1 + policy.monthFollowUpDays > dayNumberOf(returnsThrough);
}

export function returnRates(shipped: readonly ShippedUnits[], returned: readonly ReturnedUnits[], policy: PreventionPolicy, returnsThrough: string | null = null): ReturnRates {
  const groups = new Map<string, Group>();
  for (const line of shipped) {
    const group = groupOf(groups, line.marketplaceCode, line.sku, line.month);
    group.shipped += line.units;
    if (line.asin !== '') group.asins.add(line.asin);
  }
  const withoutOrderLine = new Map<string, { marketplaceCode: string; sku: string; units: number }>();
  for (const r of returned) {
    if (r.month === null) {
      const key = `${r.marketplaceCode}\t${r.sku}`;
      const entry = withoutOrderLine.get(key) ?? { marketplaceCode: r.marketplaceCode, sku: r.sku, units: 0 };
      entry.units += r.units;
      withoutOrderLine.set(key, entry);
      continue;
    }
    const group = groupOf(groups, r.marketplaceCode, r.sku, r.month);
    group.returned += r.units;
    for (const reason in r.byReason) add(group.byReason, reason, r.byReason[reason]!);
    for (const fault in r.byFault) add(group.byFault, fault, r.byFault[fault]!);
  }
  const provisional = new Map<string, boolean>();
  const provisionalOf = (month: string) => provisional.get(month) ?? provisional.set(month, isProvisional(month, returnsThrough, policy)).get(month)!;
  const rows = [...groups.values()].map((g) => toRow(g, policy, provisionalOf(g.month))).sort(byRateThenName);
  return { rows, withoutOrderLine: [...withoutOrderLine.values()].sort((a, b) => compare(a.marketplaceCode, b.marketplaceCode) || compare(a.sku, b.sku)) };
}

interface Group {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly month: string;
  readonly asins: Set<string>;
  shipped: number;
  returned: number;
  readonly byReason: Record<string, number>;
  readonly byFault: Record<string, number>;
}

function groupOf(groups: Map<string, Group>, marketplaceCode: string, sku: string, month: string): Group {
  const key = `${marketplaceCode}\t${sku}\t${month}`;
  let group = groups.get(key);
  if (!group) {
    group = { marketplaceCode, sku, month, asins: new Set(), shipped: 0, returned: 0, byReason: {}, byFault: {} };
    groups.set(key, group);
  }
  return group;
}

function add(counts: Record<string, number>, key: string, units: number): void {
  counts[key] = (counts[key] ?? 0) + units;
}

function toRow(g: Group, policy: PreventionPolicy, provisional: boolean): RateRow {
  const overflow = g.returned > g.shipped;
  return {
    marketplaceCode: g.marketplaceCode, sku: g.sku, asins: [...g.asins].sort(), month: g.month, shipped: g.shipped, returned: g.returned, provisional,
    rate: overflow ? null : returnRate({ returned: g.returned, shipped: g.shipped }, policy),
    problem: overflow ? `${g.returned} units returned of ${g.shipped} shipped: the All Orders report for ${g.month} is missing lines, or shows them unshipped` : null,
    byReason: g.byReason, byFault: g.byFault,
  };
}

// Well-measured rates of complete months first, highest first; then provisional months (their rate
// can only rise); then small samples (a 1-of-2 is not the worst listing); then the rows without a rate.
// Module-level, not inside the comparator: a function defined per comparison costs more than the
// comparison itself (8,000 rows: 150 ms of 150).
function tier(row: RateRow): number {
  return row.rate === null ? 3 : row.rate.smallSample ? 2 : row.provisional ? 1 : 0;
}

function rateOf(row: RateRow): number {
  return row.rate?.rate ?? 0;
}

function byRateThenName(a: RateRow, b: RateRow): number {
  return tier(a) - tier(b) || rateOf(b) - rateOf(a) || compare(a.marketplaceCode, b.marketplaceCode) || compare(a.sku, b.sku) || compare(a.month, b.month);
}
