import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyPageSize, useImportHistory } from '../../api/imports.js';
import type { ImportRun } from '../../api/imports.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import { formatDateTime } from '../../format.js';
import { TableScroll } from '../../components/table-scroll.js';

/** The account's import runs, newest first, a page at a time (GET /api/accounts/:id/imports). */
export function ImportHistory({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const history = useImportHistory(accountId, offset);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('import.history.title')}</h2>
      {history.isPending && <Loading label={t('import.history.loading')} />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.total === 0 && <EmptyState title={t('import.history.empty.title')}><p>{t('import.history.empty.body')}</p></EmptyState>}
      {history.data && history.data.total > 0 && (
        <div aria-busy={history.isPlaceholderData} className={history.isPlaceholderData ? 'is-stale' : undefined}>
          <HistoryTable runs={history.data.items} />
          <HistoryPaging offset={offset} shown={history.data.items.length} total={history.data.total} onOffset={setOffset} />
        </div>
      )}
    </section>
  );
}

function HistoryTable({ runs }: { runs: readonly ImportRun[] }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <TableScroll label={t('import.history.caption')}>
      <table className="history-table">
        <caption className="visually-hidden">{t('import.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.history.file')}</th><th scope="col">{t('import.history.type')}</th><th scope="col">{t('import.history.marketplace')}</th>
            {(['rows', 'inserted', 'updated', 'unchanged', 'rejected'] as const).map((key) => <th key={key} scope="col" className="number">{t(`import.counts.${key}`)}</th>)}
            <th scope="col">{t('import.history.finishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="file-name">{run.fileName}</td>
              <td>{t(`reportType.${run.reportType}`, { defaultValue: run.reportType })}</td>
              <td>{run.marketplace}</td>
              <td className="number">{number(run.rows)}</td><td className="number">{number(run.inserted)}</td><td className="number">{number(run.updated)}</td>
              <td className="number">{number(run.unchanged)}</td><td className={run.rejected > 0 ? 'number count-rejected' : 'number'}>{number(run.rejected)}</td>
              <td>{formatDateTime(run.finishedAt ?? run.startedAt, run.marketplace)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function HistoryPaging({ offset, shown, total, onOffset }: { offset: number; shown: number; total: number; onOffset: (offset: number) => void }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <nav className="paging" aria-label={t('import.history.paging')}>
      <p>{t('queue.paging.showing', { from: number(Math.min(offset + 1, total)), to: number(offset + shown), total: number(total) })}</p>
      <div className="paging-buttons">
        <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - historyPageSize))}>{t('queue.paging.previous')}</button>
        <button type="button" disabled={offset + shown >= total} onClick={() => onOffset(offset + historyPageSize)}>{t('queue.paging.next')}</button>
      </div>
    </nav>
  );
}
