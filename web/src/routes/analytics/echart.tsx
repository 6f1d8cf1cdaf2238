import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

// ECharts is most of the app's weight: it is fetched, as a file of its own, only when a chart is
// first drawn, so the other pages never load it. Until then an empty box of the chart's size holds
// its place, so the page does not jump.
const EChartView = lazy(() => import('./echart-view.js'));

/** A chart hidden from screen readers (the table beside it has the same numbers), drawn by ECharts. */
export function EChart({ option }: { option: EChartsCoreOption }) {
  return (
    <Suspense fallback={<div className="analytics-chart" aria-hidden="true" />}>
      <EChartView option={option} />
    </Suspense>
  );
}
