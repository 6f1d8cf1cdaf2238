import { describe, expect, it } from 'vitest';
import type { CostTotal, CostsResponse, RateRow } from '../../api/analytics.js';
import { monthChartOption } from './chart-options.js';
import { costChart, costCurrencies, largestCostCurrency, rateChart, rateTableRows } from './chart-series.js';

function rateRow(marketplaceCode: string, month: string, rate: number | null): RateRow {
  return {
    marketplaceCode, sku: `${marketplaceCode} (all SKUs)`, asins: [], month, shipped: 10, returned: 1, provisional: false, problem: null, byReason: {}, byFault: {},
    rate: rate === null ? null : { count: 1, total: 10, rate, low: 0, high: 1, smallSample: false },
  };
}

const components = { refunds: 0, return_labels: 0, handling: 0, value_lost: 0, fees: 0, saved_orders: 0, restocking_fees: 0, resale: 0, reimbursements: 0, claims: 0 };
const total = (month: string | null, currency: string, costMinor: number, recoveredMinor = 0): CostTotal => ({ month, currency, components, costMinor, recoveredMinor });

describe('the charts\' series', () => {
  // The API lists rates highest first; the chart needs them on a month axis.
  const rows = [rateRow('US', '2026-02', 0.2), rateRow('DE', '2026-01', 0.1), rateRow('US', '2026-01', null), rateRow('DE', '2026-03', 0.3)];

  it('puts each marketplace\'s rates on the months, a gap where there is no rate', () => {
    expect(rateChart(rows)).toEqual({
      months: ['2026-01', '2026-02', '2026-03'],
      series: [{ name: 'DE', values: [0.1, null, 0.3] }, { name: 'US', values: [null, 0.2, null] }],
    });
  });

  it('orders the table month by month, marketplaces A to Z', () => {
    expect(rateTableRows(rows).map((row) => `${row.month} ${row.marketplaceCode}`)).toEqual(['2026-01 DE', '2026-01 US', '2026-02 US', '2026-03 DE']);
  });

  it('keeps each currency apart, months oldest first, amounts as the API gave them', () => {
    const totals = [total('2026-02', 'USD', 500, 20), total('2026-01', 'EUR', 300), total('2026-01', 'USD', 700, 10)];
    expect(costChart(totals, 'USD')).toEqual({ months: ['2026-01', '2026-02'], series: [{ name: 'cost', values: [700, 500] }, { name: 'recovered', values: [10, 20] }] });
    const costs = { currencyTotals: [total(null, 'EUR', 300), total(null, 'USD', 1200)] } as CostsResponse;
    expect(costCurrencies(costs)).toEqual(['EUR', 'USD']);
    expect(largestCostCurrency(costs)).toBe('USD');
    expect(largestCostCurrency({ currencyTotals: [] } as unknown as CostsResponse)).toBeUndefined();
  });

  it('labels the chart\'s axis and series with the page\'s words', () => {
    const option = monthChartOption(rateChart(rows), { month: (m) => `M${m}`, value: (v) => `${v * 100}%`, series: (s) => `S${s}` }, 'line');
    expect(option.xAxis.data).toEqual(['M2026-01', 'M2026-02', 'M2026-03']);
    expect(option.series.map((s) => s.name)).toEqual(['SDE', 'SUS']);
    expect(option.tooltip.valueFormatter(0.5)).toBe('50%');
    expect(option.tooltip.valueFormatter(null)).toBe('–');
  });
});
