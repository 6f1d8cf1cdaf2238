import { useTranslation } from 'react-i18next';
import type { DecisionOption } from '../../api/decisions.js';
import { formatMoney } from '../../format.js';
import { optionName, sameOption } from './option-name.js';

interface ChartProps {
  options: readonly DecisionOption[];
  recommended: DecisionOption;
  currency: string;
  marketplace: string;
}

/**
 * Every option's expected loss as a CSS bar, longest the costliest. Decoration for sighted readers:
 * hidden from screen readers, which read the same numbers in the table beside it.
 */
export function OptionChart({ options, recommended, currency, marketplace }: ChartProps) {
  const { t } = useTranslation();
  const largest = Math.max(1, ...options.map((o) => Math.abs(o.expectedLossMinor)));
  return (
    <div className="option-chart" aria-hidden="true">
      {options.map((option) => {
        const best = sameOption(option, recommended);
        const width = `${Math.max(1, (Math.abs(option.expectedLossMinor) / largest) * 100)}%`;
        const kind = best ? 'bar-recommended' : option.allowed ? 'bar-allowed' : 'bar-blocked';
        return (
          <div key={`${option.action}-${option.step ?? ''}`} className="chart-row">
            <span className="chart-label">{optionName(t, option)}</span>
            <span className="chart-track"><span className={`chart-bar ${kind}`} style={{ width }} /></span>
            <span className="chart-value">{formatMoney(option.expectedLossMinor, currency, marketplace)}</span>
          </div>
        );
      })}
    </div>
  );
}
