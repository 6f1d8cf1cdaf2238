import { useTranslation } from 'react-i18next';
import { countDone } from './import-run.js';
import type { FileState, ImportRunState } from './import-run.js';

/**
 * Each file's phase with a progress bar, and a live region that announces the run's count and the
 * last file that changed phase (not every progress tick: that would drown a screen reader).
 */
export function RunProgress({ run, label, latestOnly = false }: { run: ImportRunState; label: string; latestOnly?: boolean }) {
  const { t } = useTranslation();
  const done = countDone(run);
  // The demo's seventy files would be a long list: it shows the file being read, the count says the rest.
  const shown = latestOnly ? run.files.slice(-1) : run.files;
  const counted = latestOnly ? 'import.progress.countOnly' : 'import.progress.count';
  return (
    <section className="run-progress" aria-label={label}>
      <div role="status" aria-live="polite" className="run-status">
        <p>{run.status === 'running' ? t('import.progress.running') : t('import.progress.finished')} {t(counted, { done, total: run.files.length })}</p>
        {run.changed && <p className="visually-hidden">{t(`import.phase.${run.changed.phase}`, { file: run.changed.name })}</p>}
      </div>
      {shown.length > 0 && (
        <ol className="file-progress-list">
          {shown.map((file, index) => <FileProgress key={`${file.name}-${index}`} file={file} />)}
        </ol>
      )}
    </section>
  );
}

function FileProgress({ file }: { file: FileState }) {
  const { t, i18n } = useTranslation();
  const finished = file.phase === 'imported' || file.phase === 'refused';
  // Before the first progress line the bar has no size to measure against: it shows as busy.
  const measured = file.phase === 'importing' || finished;
  return (
    <li className={`file-progress phase-${file.phase}`} data-phase={file.phase}>
      <span className="file-name">{file.name}</span>
      <progress aria-label={file.name} max={measured ? Math.max(file.size, 1) : undefined} value={measured ? (finished ? Math.max(file.size, 1) : file.bytesRead) : undefined} />
      <span className="file-phase">
        {t(`import.phaseShort.${file.phase}`)}
        {file.phase === 'importing' && ` · ${t('import.progress.rowsRead', { count: file.rows, rows: file.rows.toLocaleString(i18n.language) })}`}
      </span>
    </li>
  );
}
