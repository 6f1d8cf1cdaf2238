import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCosts } from '../../api/analytics.js';
import type { CostsResponse, MonthRange } from '../../api/analytics.js';
import { EmptyState } from '../../components/state-notices.js';
import { formatCurrencyTotal } from '../claims/currency-format.js';
import { formatMonth } from './analytics-format.js';
import { monthChartOption } from './chart-options.js';
import { costChart, costCurrencies, costMonths, largestCostCurrency } from './chart-series.js';
import { CostHeadline, CostliestSkus } from './cost-headline.js';
import { EChart } from './echart.js';
import { TableHead } from './table-head.js';
import { ReportPanel, ReportState } from './report-panel.js';
import { TableBox } from './table-box.js';

/** What returns cost and what was recovered: the headline month, then month by month in one currency at a time. */
export function CostsSection({ accountId, range }: { accountId: number; range: MonthRange }) {
  const { t } = useTranslation();
  const costs = useCosts(accountId, range);
  return (
    <ReportPanel id="analytics-costs" title={t('analytics.costs.title')} download={{ accountId, report: 'costs', range }}>
      <ReportState query={costs} loading={t('analytics.costs.loading')}>
        {(data) => (data.currencyTotals.length === 0
          ? <EmptyState title={t('analytics.costs.empty')}><p>{t('analytics.emptyBody')}</p></EmptyState>
          : <CostsBody costs={data} />)}
      </ReportState>
    </ReportPanel>
  );
}

function CostsBody({ costs }: { costs: CostsResponse }) {
  const { t } = useTranslation();
  const currencies = costCurrencies(costs);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // A currency chosen before a new range stays if the new range has it.
  const currency = chosen !== undefined && currencies.includes(chosen) ? chosen : (largestCostCurrency(costs) ?? currencies[0] ?? '');
  const id = useId();
  return (
    <>
      <CostHeadline costs={costs} />
      <div className="field analytics-currency">
        <label htmlFor={id}>{t('analytics.costs.currency')}</label>
        <select id={id} value={currency} onChange={(event) => setChosen(event.target.value)}>
          {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
      </div>
      <CostChart costs={costs} currency={currency} />
      <CostTable costs={costs} currency={currency} />
      <CostliestSkus costs={costs} currency={currency} />
      <details className="analytics-notes">
        <summary>{t('analytics.costs.notes')}</summary>
        <p className="table-note">{t('analytics.costs.notesLanguage')}</p>
        <dl>
          {Object.entries(costs.notes).map(([component, note]) => (
            <div key={component}><dt>{t(`analytics.costs.component.${component}`)}</dt><dd>{note}</dd></div>
          ))}
        </dl>
      </details>
    </>
  );
}

function CostChart({ costs, currency }: { costs: CostsResponse; currency: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo(() => monthChartOption(costChart(costs.totals, currency), {
    month: (month) => formatMonth(month, language),
    value: (value) => formatCurrencyTotal(value, currency),
    series: (name) => t(`analytics.costs.${name}`),
  }, 'bar'), [costs, currency, language, t]);
  return <EChart option={option} />;
}

function CostTable({ costs, currency }: { costs: CostsResponse; currency: string }) {
  const { t, i18n } = useTranslation();
  const whole = costs.currencyTotals.find((total) => total.currency === currency);
  return (
    <TableBox label={t('analytics.costs.caption', { currency })} long>
      <table className="analytics-table costs-table" data-currency={currency}>
        <caption>{t('analytics.costs.caption', { currency })}</caption>
        <TableHead columns={[['analytics.costs.month'], ['analytics.costs.cost', 'number'], ['analytics.costs.recovered', 'number']]} />
        <tbody>
          {costMonths(costs.totals, currency).map((total) => (
            <tr key={total.month} data-month={total.month}>
              <th scope="row">{formatMonth(total.month ?? '', i18n.language)}</th>
              <td className="number">{formatCurrencyTotal(total.costMinor, currency)}</td>
              <td className="number">{formatCurrencyTotal(total.recoveredMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
        {whole && (
          <tfoot>
            <tr>
              <th scope="row">{t('analytics.costs.wholeRange')}</th>
              <td className="number">{formatCurrencyTotal(whole.costMinor, currency)}</td>
              <td className="number">{formatCurrencyTotal(whole.recoveredMinor, currency)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </TableBox>
  );
}
