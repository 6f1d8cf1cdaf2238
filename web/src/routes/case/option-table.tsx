import { useTranslation } from 'react-i18next';
import type { DecisionOption } from '../../api/decisions.js';
import { formatMoney } from '../../format.js';
import { optionName, sameOption } from './option-name.js';
import { TableScroll } from '../../components/table-scroll.js';

interface TableProps {
  options: readonly DecisionOption[];
  recommended: DecisionOption;
  currency: string;
  marketplace: string;
}

/** How an option's expected loss adds up: each cost (+) and recovery (−), with its odds where it is an expectation. */
function Components({ option, currency, marketplace }: { option: DecisionOption; currency: string; marketplace: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('case.options.components', { count: option.components.length })}</summary>
      <ul className="option-components">
        {option.components.map((c) => (
          <li key={c.id}>
            {c.label}: {formatMoney(c.amountMinor, currency, marketplace)}
            {c.probability === undefined ? '' : ` (${t('case.options.probability', { percent: Math.round(c.probability * 100) })})`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The options side by side with the same numbers as the chart: what screen readers read. */
export function OptionTable({ options, recommended, currency, marketplace }: TableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('case.options.caption')}>
      <table className="option-table">
        <caption>{t('case.options.caption')}</caption>
        <thead>
          <tr><th scope="col">{t('case.options.option')}</th><th scope="col" className="number">{t('case.options.expectedLoss')}</th><th scope="col">{t('case.options.verdict')}</th><th scope="col">{t('case.options.breakdown')}</th></tr>
        </thead>
        <tbody>
          {options.map((option) => {
            const best = sameOption(option, recommended);
            return (
              <tr key={`${option.action}-${option.step ?? ''}`} className={best ? 'is-recommended' : undefined}>
                <th scope="row">{optionName(t, option)}</th>
                <td className="number">{formatMoney(option.expectedLossMinor, currency, marketplace)}</td>
                <td>{best ? <strong>{t('case.options.recommended')}</strong> : option.allowed ? t('case.options.allowed') : t('case.options.blockedBy', { rules: option.blockedBy.join(', ') })}</td>
                <td><Components option={option} currency={currency} marketplace={marketplace} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
