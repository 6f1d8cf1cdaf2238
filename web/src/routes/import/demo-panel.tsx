import { useTranslation } from 'react-i18next';
import { streamDemo } from '../../api/imports.js';
import type { FileOutcomeResponse, ImportedFile } from '../../api/imports.js';
import { AppLink } from '../../components/app-link.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { RunProgress } from './run-progress.js';
import { failureError, useImportRun } from './use-import-run.js';

/** The demo seller's year of reports, loaded by the server (POST /api/accounts/:id/demo) with its own progress. */
export function DemoPanel({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const [run, start] = useImportRun(accountId);
  const load = () => void start([], (onEvent) => streamDemo(accountId, onEvent));
  return (
    <section className="panel" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('import.demo.title')}</h2>
      <p>{t('import.demo.intro')}</p>
      <p className="panel-warning">{t('import.demo.warning')}</p>
      <button type="button" className="button-primary" disabled={run.status === 'running'} onClick={load}>
        {run.status === 'running' ? t('import.demo.loading') : t('import.demo.load')}
      </button>
      {run.status !== 'idle' && <RunProgress run={run} label={t('import.demo.progressLabel')} latestOnly />}
      {run.failure && <ErrorNotice error={failureError(run.failure)} />}
      {run.status === 'done' && <DemoResult outcomes={run.files.flatMap((f) => (f.outcome ? [f.outcome] : []))} />}
    </section>
  );
}

/** The demo's some seventy files in one line of totals; the files themselves are in the history below. */
function DemoResult({ outcomes }: { outcomes: readonly FileOutcomeResponse[] }) {
  const { t, i18n } = useTranslation();
  const imported = outcomes.filter((o): o is ImportedFile => !('error' in o));
  const sum = (key: 'rows' | 'inserted' | 'updated' | 'unchanged' | 'rejected') => imported.reduce((total, o) => total + o[key], 0).toLocaleString(i18n.language);
  return (
    <div className="demo-result">
      <p>{t('import.demo.done', { files: imported.length, rows: sum('rows'), inserted: sum('inserted'), updated: sum('updated'), unchanged: sum('unchanged'), rejected: sum('rejected') })}</p>
      {imported.length < outcomes.length && <p className="notice notice-error">{t('import.demo.someRefused', { count: outcomes.length - imported.length })}</p>}
      <AppLink href="/queue" className="button-link">{t('import.demo.toQueue')}</AppLink>
    </div>
  );
}
