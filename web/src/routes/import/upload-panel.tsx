import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { streamUpload } from '../../api/imports.js';
import type { FileOutcomeResponse } from '../../api/imports.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { marketplaceOptions } from '../queue/filter-options.js';
import { ChosenFiles } from './chosen-files.js';
import { DropZone } from './drop-zone.js';
import { FileSummaries } from './file-summary.js';
import { RunProgress } from './run-progress.js';
import { failureError, useImportRun } from './use-import-run.js';

/** Report files chosen or dropped, sent in one request, followed file by file, then summarized. */
export function UploadPanel({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [marketplace, setMarketplace] = useState('');
  const [run, start] = useImportRun(accountId);
  const marketplaceId = useId();
  const running = run.status === 'running';
  const send = () => {
    const chosen = files;
    setFiles([]);
    void start(chosen.map((f) => f.name), (onEvent) => streamUpload(accountId, chosen, marketplace, onEvent));
  };
  const outcomes = run.files.flatMap((f): FileOutcomeResponse[] => (f.outcome ? [f.outcome] : []));
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('import.upload.title')}</h2>
      <p>{t('import.upload.intro')}</p>
      <DropZone disabled={running} onFiles={(added) => setFiles((current) => [...current, ...added])} />
      <ChosenFiles files={files} onRemove={(index) => setFiles((current) => current.filter((_, i) => i !== index))} />
      <div className="upload-actions">
        <div className="field">
          <label htmlFor={marketplaceId}>{t('import.upload.marketplace')}</label>
          <select id={marketplaceId} value={marketplace} onChange={(event) => setMarketplace(event.target.value)}>
            <option value="">{t('import.upload.marketplaceDefault')}</option>
            {marketplaceOptions.map((code) => <option key={code} value={code}>{code}</option>)}
          </select>
        </div>
        <button type="button" className="button-primary" disabled={files.length === 0 || running} onClick={send}>
          {files.length === 0 ? t('import.upload.sendNothing') : t('import.upload.send', { count: files.length })}
        </button>
      </div>
      {run.status !== 'idle' && <RunProgress run={run} label={t('import.upload.progressLabel')} />}
      {run.failure && <ErrorNotice error={failureError(run.failure)} />}
      <FileSummaries outcomes={outcomes} />
    </section>
  );
}
