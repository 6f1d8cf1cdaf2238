import type { MonthChart } from './chart-series.js';

// The ECharts options of the page's charts, built from the series alone so they can be tested
// without a browser. Colours keep 3:1 against white (WCAG non-text contrast) and are told apart by
// the legend's names too; the numbers themselves are in the tables beside the charts.

export const chartColours = ['#1d4ed8', '#b45309', '#047857', '#9d174d', '#6d28d9', '#0e7490', '#4d5562'];

export interface ChartLabels {
  /** An axis month, in the page's language. */
  month: (month: string) => string;
  /** A value on the axis and in the tooltip: a percentage, or money in the marketplace's way. */
  value: (value: number) => string;
  /** A series' name in the legend. */
  series: (name: string) => string;
}

export function monthChartOption(chart: MonthChart, labels: ChartLabels, type: 'line' | 'bar') {
  return {
    color: chartColours,
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 48 },
    legend: { bottom: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.value(value) : '–') },
    xAxis: { type: 'category', data: chart.months.map(labels.month) },
    yAxis: { type: 'value', axisLabel: { formatter: labels.value } },
    series: chart.series.map((series) => ({
      name: labels.series(series.name),
      type,
      data: [...series.values],
      // A month without a rate leaves a gap rather than a line drawn through a value nobody measured.
      connectNulls: false,
      showSymbol: true,
    })),
  };
}
