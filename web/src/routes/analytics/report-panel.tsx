import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { reportDownloadUrl } from '../../api/analytics.js';
import type { MonthRange, ReportName } from '../../api/analytics.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';

interface PanelProps {
  id: string;
  title: string;
  /** The report whose CSV and XLSX tables are offered, with the months on screen. */
  download?: { accountId: number; report: ReportName; range: MonthRange };
  children: ReactNode;
}

/** One report's section: its heading, its download links, its content. */
export function ReportPanel({ id, title, download, children }: PanelProps) {
  return (
    <section className="panel analytics-panel" aria-labelledby={id}>
      <div className="analytics-panel-head">
        <h2 id={id}>{title}</h2>
        {download && <DownloadLinks {...download} />}
      </div>
      {children}
    </section>
  );
}

function DownloadLinks({ accountId, report, range }: { accountId: number; report: ReportName; range: MonthRange }) {
  const { t } = useTranslation();
  return (
    <p className="analytics-downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} className="button-link" href={reportDownloadUrl(accountId, report, range, format)} download
          aria-label={t('analytics.download.label', { report: t(`analytics.download.report.${report}`), format: format.toUpperCase() })}>
          {format.toUpperCase()}
        </a>
      ))}
    </p>
  );
}

interface StateProps<T> {
  query: UseQueryResult<T>;
  loading: string;
  children: (data: T) => ReactNode;
}

/** A report's loading and error states, then its content; older figures stay, dimmed, while a new range loads. */
export function ReportState<T>({ query, loading, children }: StateProps<T>) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const stale = query.isPlaceholderData;
  return <div aria-busy={stale} className={stale ? 'is-stale' : undefined}>{children(query.data)}</div>;
}
