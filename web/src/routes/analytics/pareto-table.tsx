import { useTranslation } from 'react-i18next';
import type { ParetoBar } from '../../api/analytics.js';
import { formatCount, formatShare } from './analytics-format.js';
import { TableBox } from './table-box.js';
import { TableHead } from './table-head.js';

/**
 * A reason Pareto in the API's order (most units first): units, share and cumulative share, with the
 * share drawn as a bar for sighted readers (hidden from screen readers, which read the percentage).
 */
export function ParetoTable({ bars, caption }: { bars: readonly ParetoBar[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableBox label={caption}>
      <table className="analytics-table pareto-table">
        <caption>{caption}</caption>
        <TableHead columns={[['analytics.pareto.reason'], ['analytics.pareto.units', 'number'], ['analytics.pareto.share'], ['analytics.pareto.cumulative', 'number']]} />
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.reason} data-reason={bar.reason}>
              <th scope="row">{t(`reason.${bar.reason}`, { defaultValue: bar.reason })}</th>
              <td className="number">{formatCount(bar.units, language)}</td>
              <td>
                <span className="pareto-share">
                  <span className="pareto-track" aria-hidden="true"><span className="pareto-bar" style={{ width: `${bar.share * 100}%` }} /></span>
                  <span className="number">{formatShare(bar.share, language)}</span>
                </span>
              </td>
              <td className="number">{formatShare(bar.cumulative, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
