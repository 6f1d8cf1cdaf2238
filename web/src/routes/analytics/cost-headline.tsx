import { useTranslation } from 'react-i18next';
import type { CostsResponse } from '../../api/analytics.js';
import { formatMoney } from '../../format.js';
import { formatCurrencyTotal } from '../claims/currency-format.js';
import { formatMonth } from './analytics-format.js';

/** The report's headline: what returns cost in the latest month (the range's last) and what was recovered, per currency, as the API answers it. */
export function CostHeadline({ costs }: { costs: CostsResponse }) {
  const { t, i18n } = useTranslation();
  const month = costs.headline[0]?.month;
  if (month === undefined) return null;
  return (
    <div className="cost-headline">
      <h3>{t('analytics.costs.headline', { month: formatMonth(month, i18n.language) })}</h3>
      <dl className="cost-headline-figures">
        {costs.headline.map((line) => (
          <div key={line.currency} data-currency={line.currency}>
            <dt>{line.currency}</dt>
            <dd>
              <span className="cost-figure">{formatCurrencyTotal(line.costMinor, line.currency)}</span>{' '}
              <span className="cost-recovered">{t('analytics.costs.recoveredOf', { amount: formatCurrencyTotal(line.recoveredMinor, line.currency) })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const costliestShown = 5;

/** The headline month's costliest SKUs in one currency, in the API's order (costliest first within a month and currency). */
export function CostliestSkus({ costs, currency }: { costs: CostsResponse; currency: string }) {
  const { t, i18n } = useTranslation();
  const month = costs.headline[0]?.month;
  const rows = costs.rows.filter((row) => row.month === month && row.currency === currency && row.costMinor > 0).slice(0, costliestShown);
  if (month === undefined || rows.length === 0) return null;
  return (
    <>
      <h3 className="cost-subtitle">{t('analytics.costs.costliest', { month: formatMonth(month, i18n.language), currency })}</h3>
      <ol className="costliest-skus">
        {rows.map((row) => (
          <li key={`${row.marketplaceCode}-${row.sku}`}>
            <span className="sku">{row.sku}</span> <span className="table-note">{row.marketplaceCode}</span>{' '}
            <span className="number">{formatMoney(row.costMinor, row.currency, row.marketplaceCode)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
