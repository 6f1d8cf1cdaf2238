import { useTranslation } from 'react-i18next';
import type { FileOutcomeResponse, ImportedFile } from '../../api/imports.js';
import { TableScroll } from '../../components/table-scroll.js';

/** Rejected rows shown per file; the rest are counted (the CLI's `returndesk import --json` lists them all). */
export const shownRejections = 20;

/** Each file's result: what it was, what landed, and every rejected row's line, column and why; or why it was refused. */
export function FileSummaries({ outcomes }: { outcomes: readonly FileOutcomeResponse[] }) {
  const { t } = useTranslation();
  if (outcomes.length === 0) return null;
  return (
    <section className="file-summaries" aria-labelledby="import-summary-title">
      <h2 id="import-summary-title">{t('import.summary.title')}</h2>
      {outcomes.map((outcome, index) => (
        <article key={`${outcome.file}-${index}`} className="file-summary" data-file={outcome.file}>
          <h3>{outcome.file}</h3>
          {'error' in outcome ? <Refused error={outcome.error} /> : <Imported file={outcome} />}
        </article>
      ))}
    </section>
  );
}

function Refused({ error }: { error: { code: string; message: string } }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error">
      <p><strong>{t('import.summary.refused')}</strong> {t(`errors.${error.code}`, { defaultValue: t('errors.unexpected') })}</p>
      <p className="notice-detail">{t('errors.serverSaid', { message: error.message })}</p>
    </div>
  );
}

function Imported({ file }: { file: ImportedFile }) {
  const { t, i18n } = useTranslation();
  const counts = (['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped', 'unmapped'] as const)
    .filter((key) => file[key] > 0 || ['rows', 'inserted', 'updated', 'unchanged', 'rejected'].includes(key));
  return (
    <>
      <p className="file-facts">{t(`reportType.${file.reportType}`)} · {file.marketplace} · {file.encoding}</p>
      <dl className="import-counts">
        {counts.map((key) => (
          <div key={key} className={key === 'rejected' && file.rejected > 0 ? 'count-rejected' : undefined}>
            <dt>{t(`import.counts.${key}`)}</dt><dd>{file[key].toLocaleString(i18n.language)}</dd>
          </div>
        ))}
      </dl>
      {file.unmappedCodes.length > 0 && <p>{t('import.summary.unmapped')} <code>{file.unmappedCodes.join(', ')}</code></p>}
      {file.errors.length > 0 && <Rejections file={file} />}
    </>
  );
}

function Rejections({ file }: { file: ImportedFile }) {
  const { t, i18n } = useTranslation();
  const shown = file.errors.slice(0, shownRejections);
  const more = file.rejected - shown.length;
  return (
    <TableScroll label={t('import.summary.rejectedTitle')}>
      <table className="rejections">
        <caption>{t('import.summary.rejectedTitle')}</caption>
        <thead><tr><th scope="col">{t('import.summary.line')}</th><th scope="col">{t('import.summary.column')}</th><th scope="col">{t('import.summary.why')}</th></tr></thead>
        <tbody>
          {shown.map((row, index) => (
            <tr key={index}><td>{row.line.toLocaleString(i18n.language)}</td><td>{row.column ?? t('import.summary.wholeRow')}</td><td>{row.message}</td></tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="table-note">{t('import.summary.more', { count: more, more: more.toLocaleString(i18n.language) })}</p>}
    </TableScroll>
  );
}
