import { codeOf } from '../claims/claim-math.js';
import { countsAsShipped } from './return-rates.js';
import { dayNumberOf, followUpWeek, maxFollowUpWeeks, weekOfDay } from './purchase-weeks.js';

// What the prevention rollups hold (storage/prevention-rollup-repository.ts), made from order lines and
// returns summed per day: units shipped per month and per week, units returned per month with their
// reason and fault, and per week by how long after the purchase week they were asked for.

/** Order lines of one marketplace, SKU, ASIN, purchase day and status pair, summed. */
export interface OrderDay {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly asin: string | null;
  /** The All Orders report's fulfillment channel: `Amazon` (FBA) or `Merchant`. */
  readonly fulfillmentChannel: string | null;
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly orderStatus: string | null;
  readonly itemStatus: string | null;
  readonly units: number;
}

/** Returned units of one order-line marketplace, SKU, purchase day, request day, reason and fault. */
export interface ReturnDay {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly fulfillmentChannel: string | null;
  /** The order line's purchase day; null when the All Orders report has no line for the return. */
  readonly purchaseDay: string | null;
  readonly requestedOn: string | null;
  readonly reasonCategory: string | null;
  readonly fault: string;
  readonly units: number;
}

/** How a unit was fulfilled, as the rollups keep it: '' when the report does not say. */
export type Fulfillment = 'fba' | 'mfn' | '';

export function fulfillmentOf(channel: string | null): Fulfillment {
  const code = codeOf(channel);
  return code === 'amazon' ? 'fba' : code === 'merchant' ? 'mfn' : '';
}

export interface MonthShipped { marketplaceCode: string; sku: string; asin: string; fulfillment: Fulfillment; month: string; shipped: number }
/** `month` is '' for returns without an order line; units by reason category (`unmapped` when unknown) and by party at fault. */
export interface MonthReturned {
  marketplaceCode: string; sku: string; fulfillment: Fulfillment; month: string; units: number; byReason: Record<string, number>; byFault: Record<string, number>;
}
export interface WeekRow { marketplaceCode: string; sku: string; week: string; shipped: number; returnedByLag: number[] }

/** Units shipped per month (only those of `months`, when given) and per week (only those of `weeks`). */
export function shippedRollups(days: readonly OrderDay[], keep: { months?: ReadonlySet<string>; weeks?: ReadonlySet<string> } = {}): { months: MonthShipped[]; weeks: Map<string, WeekRow> } {
  const months = new Map<string, MonthShipped>();
  const weeks = new Map<string, WeekRow>();
  for (const line of days) {
    if (!countsAsShipped(line.orderStatus, line.itemStatus) || line.units === 0) continue;
    const month = line.day.slice(0, 7);
    if (!keep.months || keep.months.has(month)) {
      const asin = line.asin?.trim() ?? '';
      const fulfillment = fulfillmentOf(line.fulfillmentChannel);
      const key = `${line.marketplaceCode}\t${line.sku}\t${asin}\t${fulfillment}\t${month}`;
      const row = months.get(key) ?? { marketplaceCode: line.marketplaceCode, sku: line.sku, asin, fulfillment, month, shipped: 0 };
      row.shipped += line.units;
      months.set(key, row);
    }
    const week = weekOfDay(dayNumberOf(line.day));
    if (!keep.weeks || keep.weeks.has(week)) weekRow(weeks, line.marketplaceCode, line.sku, week).shipped += line.units;
  }
  return { months: [...months.values()], weeks };
}

/** Adds returns to the month rows (those of `months`, when given) and to `weeks` (those already in it). */
export function returnedRollups(days: readonly ReturnDay[], weeks: Map<string, WeekRow>, keep: { months?: ReadonlySet<string>; weeks?: ReadonlySet<string> } = {}): MonthReturned[] {
  const months = new Map<string, MonthReturned>();
  for (const r of days) {
    const month = r.purchaseDay?.slice(0, 7) ?? '';
    if (!keep.months || keep.months.has(month)) {
      const fulfillment = fulfillmentOf(r.fulfillmentChannel);
      const key = `${r.marketplaceCode}\t${r.sku}\t${fulfillment}\t${month}`;
      const row = months.get(key) ?? { marketplaceCode: r.marketplaceCode, sku: r.sku, fulfillment, month, units: 0, byReason: {}, byFault: {} };
      row.units += r.units;
      addUnits(row.byReason, r.reasonCategory ?? 'unmapped', r.units);
      addUnits(row.byFault, r.fault, r.units);
      months.set(key, row);
    }
    if (r.purchaseDay === null) continue;
    const week = weekOfDay(dayNumberOf(r.purchaseDay));
    const lag = followUpWeek(week, r.requestedOn);
    if (lag !== null && (!keep.weeks || keep.weeks.has(week))) weekRow(weeks, r.marketplaceCode, r.sku, week).returnedByLag[lag]! += r.units;
  }
  return [...months.values()];
}

function addUnits(counts: Record<string, number>, key: string, units: number): void {
  counts[key] = (counts[key] ?? 0) + units;
}

function weekRow(weeks: Map<string, WeekRow>, marketplaceCode: string, sku: string, week: string): WeekRow {
  const key = `${marketplaceCode}\t${sku}\t${week}`;
  let row = weeks.get(key);
  if (!row) {
    row = { marketplaceCode, sku, week, shipped: 0, returnedByLag: new Array<number>(maxFollowUpWeeks + 1).fill(0) };
    weeks.set(key, row);
  }
  return row;
}
