import { useTranslation } from 'react-i18next';
import { useSpikes } from '../../api/analytics.js';
import type { SpikeRow, SpikesResponse } from '../../api/analytics.js';
import { EmptyState } from '../../components/state-notices.js';
import { formatDay, formatShare } from './analytics-format.js';
import { TableBox } from './table-box.js';
import { TableHead } from './table-head.js';
import { ReportPanel, ReportState } from './report-panel.js';

/** Spikes (a bad batch): each SKU's latest closed weeks against its own baseline, spikes first as the API orders them. */
export function SpikesSection({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const spikes = useSpikes(accountId);
  return (
    <ReportPanel id="analytics-spikes" title={t('analytics.spikes.title')} download={{ accountId, report: 'spikes', range: {} }}>
      <ReportState query={spikes} loading={t('analytics.spikes.loading')}>
        {(data) => <SpikesBody spikes={data} />}
      </ReportState>
    </ReportPanel>
  );
}

function SpikesBody({ spikes }: { spikes: SpikesResponse }) {
  const { t, i18n } = useTranslation();
  const day = (text: string) => formatDay(text, i18n.language);
  const found = spikes.rows.filter((row) => row.verdict === 'spike');
  const others = spikes.rows.filter((row) => row.verdict !== 'spike');
  return (
    <>
      <p className="table-note">{t('analytics.spikes.weeks', {
        recentFrom: day(spikes.recent.from), recentTo: day(spikes.recent.to), baselineFrom: day(spikes.baseline.from), baselineTo: day(spikes.baseline.to), judgedOn: day(spikes.judgedOn),
      })}</p>
      {found.length === 0
        ? <EmptyState title={t('analytics.spikes.none')}><p>{t('analytics.spikes.noneBody')}</p></EmptyState>
        : <SpikeTable rows={found} caption={t('analytics.spikes.found', { count: found.length })} className="spike-rows" />}
      {others.length > 0 && (
        <details className="analytics-more">
          <summary>{t('analytics.spikes.others', { count: others.length })}</summary>
          <SpikeTable rows={others} caption={t('analytics.spikes.othersCaption')} className="steady-rows" />
        </details>
      )}
    </>
  );
}

function SpikeTable({ rows, caption, className }: { rows: readonly SpikeRow[]; caption: string; className: string }) {
  const { t, i18n } = useTranslation();
  const rate = (part: SpikeRow['recent']) => t('analytics.spikes.rateOf', { rate: formatShare(part.rate, i18n.language), count: part.count, total: part.total });
  return (
    <TableBox label={caption}>
      <table className={`analytics-table ${className}`}>
        <caption>{caption}</caption>
        <TableHead columns={[
          ['analytics.sku'], ['analytics.marketplace'], ['analytics.spikes.recent', 'number'], ['analytics.spikes.baseline', 'number'], ['analytics.spikes.verdict'],
        ]} />
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.marketplaceCode}-${row.sku}`} data-sku={row.sku} data-marketplace={row.marketplaceCode}>
              <th scope="row" className="sku">{row.sku}</th>
              <td>{row.marketplaceCode}</td>
              <td className="number">{rate(row.recent)}</td>
              <td className="number">{rate(row.baseline)}</td>
              <td><span className={`verdict verdict-${row.verdict}`}>{t(`analytics.spikes.verdicts.${row.verdict}`)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
