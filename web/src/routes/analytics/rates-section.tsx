import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRates } from '../../api/analytics.js';
import type { MonthRange, RateRow } from '../../api/analytics.js';
import { EmptyState } from '../../components/state-notices.js';
import { formatCount, formatMonth, formatShare } from './analytics-format.js';
import { monthChartOption } from './chart-options.js';
import { rateChart, rateTableRows } from './chart-series.js';
import { EChart } from './echart.js';
import { TableHead } from './table-head.js';
import { ReportPanel, ReportState } from './report-panel.js';
import { TableBox } from './table-box.js';

/** Return rates per marketplace and purchase month (the rates report `by=marketplace`): a line chart and its table. */
export function RatesSection({ accountId, range }: { accountId: number; range: MonthRange }) {
  const { t } = useTranslation();
  const rates = useRates(accountId, range);
  return (
    <ReportPanel id="analytics-rates" title={t('analytics.rates.title')} download={{ accountId, report: 'rates', range }}>
      <p className="table-note">{t('analytics.rates.intro')}</p>
      <ReportState query={rates} loading={t('analytics.rates.loading')}>
        {(data) => (data.rows.length === 0
          ? <EmptyState title={t('analytics.rates.empty')}><p>{t('analytics.emptyBody')}</p></EmptyState>
          : <RatesBody rows={data.rows} />)}
      </ReportState>
    </ReportPanel>
  );
}

function RatesBody({ rows }: { rows: readonly RateRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo(() => monthChartOption(rateChart(rows), {
    month: (month) => formatMonth(month, language), value: (value) => formatShare(value, language), series: (name) => name,
  }, 'line'), [rows, language]);
  return (
    <>
      <EChart option={option} />
      <TableBox label={t('analytics.rates.caption')} long>
        <table className="analytics-table rates-table">
          <caption>{t('analytics.rates.caption')}</caption>
          <TableHead columns={[
            ['analytics.rates.month'], ['analytics.marketplace'], ['analytics.rates.shipped', 'number'], ['analytics.rates.returned', 'number'],
            ['analytics.rates.rate', 'number'], ['analytics.rates.interval'],
          ]} />
          <tbody>
            {rateTableRows(rows).map((row) => <RateTableRow key={`${row.month}-${row.marketplaceCode}`} row={row} />)}
          </tbody>
        </table>
      </TableBox>
    </>
  );
}

function RateTableRow({ row }: { row: RateRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <tr data-month={row.month} data-marketplace={row.marketplaceCode}>
      <th scope="row">{formatMonth(row.month, language)}{row.provisional && <span className="analytics-tag"> {t('analytics.rates.provisional')}</span>}</th>
      <td>{row.marketplaceCode}</td>
      <td className="number">{formatCount(row.shipped, language)}</td>
      <td className="number">{formatCount(row.returned, language)}</td>
      <td className="number rate-value">{row.rate === null ? t('analytics.rates.noRate') : formatShare(row.rate.rate, language)}</td>
      <td>{row.rate === null ? (row.problem ?? '') : <RateInterval low={row.rate.low} high={row.rate.high} small={row.rate.smallSample} />}</td>
    </tr>
  );
}

/** A rate's interval, and whether it rests on a small sample (docs/prevention.md#statistics). */
export function RateInterval({ low, high, small }: { low: number; high: number; small: boolean }) {
  const { t, i18n } = useTranslation();
  const text = t('analytics.interval', { low: formatShare(low, i18n.language), high: formatShare(high, i18n.language) });
  return <>{text}{small && <span className="analytics-tag"> {t('analytics.smallSample')}</span>}</>;
}
