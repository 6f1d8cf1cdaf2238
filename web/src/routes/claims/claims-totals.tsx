import { useTranslation } from 'react-i18next';
import type { MonthTotals } from '../../api/claims.js';
import { formatCurrencyTotal } from './currency-format.js';
import { TableScroll } from '../../components/table-scroll.js';

/**
 * The API's totals, one row per month and currency, over every claim of the account whatever the
 * filter. Shown as given: the API answers no total across months or currencies, so none is made here.
 */
export function ClaimsTotals({ totals }: { totals: readonly MonthTotals[] }) {
  const { t } = useTranslation();
  if (totals.length === 0) return null;
  // Newest month first: the current month's money is what the reader looks for.
  const rows = [...totals].reverse();
  return (
    <section className="panel" aria-labelledby="claims-totals-title">
      <h2 id="claims-totals-title">{t('claims.totals.title')}</h2>
      <p className="panel-warning">{t('claims.totals.note')}</p>
      <TableScroll label={t('claims.totals.caption')}>
        <table className="claims-totals">
          <caption className="visually-hidden">{t('claims.totals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claims.totals.month')}</th>
              <th scope="col">{t('claims.totals.currency')}</th>
              {(['owed', 'filed', 'recovered', 'expired'] as const).map((key) => <th key={key} scope="col" className="number">{t(`claims.totals.${key}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.month}-${row.currency}`} data-month={row.month} data-currency={row.currency}>
                <th scope="row">{row.month}</th>
                <td>{row.currency}</td>
                <td className="number">{formatCurrencyTotal(row.owedMinor, row.currency)}</td>
                <td className="number">{formatCurrencyTotal(row.filedMinor, row.currency)}</td>
                <td className="number">{formatCurrencyTotal(row.recoveredMinor, row.currency)}</td>
                <td className="number">{formatCurrencyTotal(row.expiredMinor, row.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
