import type { CostTotal, CostsResponse, RateRow } from '../../api/analytics.js';

// The reports' rows as the charts' series and the tables beside them. Values are the API's as they
// are (rates as fractions, money in minor units): only placed on a month axis, never recomputed.

export interface MonthSeries {
  readonly name: string;
  /** One value per month of the axis; null where the report has none (no rate, no row). */
  readonly values: readonly (number | null)[];
}

export interface MonthChart {
  readonly months: readonly string[];
  readonly series: readonly MonthSeries[];
}

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();

/** Rates by marketplace (`by=marketplace`): one line per marketplace over the purchase months. */
export function rateChart(rows: readonly RateRow[]): MonthChart {
  const months = sortedUnique(rows.map((row) => row.month));
  const series = sortedUnique(rows.map((row) => row.marketplaceCode)).map((marketplace) => {
    const rateOf = new Map(rows.filter((row) => row.marketplaceCode === marketplace).map((row) => [row.month, row.rate?.rate ?? null]));
    return { name: marketplace, values: months.map((month) => rateOf.get(month) ?? null) };
  });
  return { months, series };
}

/** The rate rows in reading order for a table beside the chart: month by month, marketplaces A to Z. */
export function rateTableRows(rows: readonly RateRow[]): RateRow[] {
  return [...rows].sort((a, b) => a.month.localeCompare(b.month) || a.marketplaceCode.localeCompare(b.marketplaceCode));
}

/** The currencies of the costs, as the API lists them (currencies are never added together). */
export function costCurrencies(costs: CostsResponse): string[] {
  return [...new Set(costs.currencyTotals.map((total) => total.currency))];
}

/** The currency shown first: the one whose returns cost most over the range, by the API's own totals. */
export function largestCostCurrency(costs: CostsResponse): string | undefined {
  return [...costs.currencyTotals].sort((a, b) => b.costMinor - a.costMinor)[0]?.currency;
}

/** One currency's monthly totals, oldest month first. */
export function costMonths(totals: readonly CostTotal[], currency: string): CostTotal[] {
  return totals.filter((total) => total.currency === currency && total.month !== null).sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''));
}

/** One currency's cost and recovered per month, as two bar series (minor units). */
export function costChart(totals: readonly CostTotal[], currency: string): MonthChart {
  const months = costMonths(totals, currency);
  return {
    months: months.map((total) => total.month ?? ''),
    series: [
      { name: 'cost', values: months.map((total) => total.costMinor) },
      { name: 'recovered', values: months.map((total) => total.recoveredMinor) },
    ],
  };
}
