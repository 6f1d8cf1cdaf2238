import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/state-notices.js';
import { DemoPanel } from './demo-panel.js';
import { ImportHistory } from './import-history.js';
import { UploadPanel } from './upload-panel.js';

/** Report files imported through the page, the demo, and the history of imports. Importing needs the `import` permission (owner, manager). */
export function ImportPage({ accountId, mayImport }: { accountId: number; mayImport: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page import-page">
      <h1>{t('import.title')}</h1>
      {mayImport
        ? <><UploadPanel accountId={accountId} /><DemoPanel accountId={accountId} /></>
        : <EmptyState title={t('import.notAllowed.title')}><p>{t('import.notAllowed.body')}</p></EmptyState>}
      <ImportHistory accountId={accountId} />
    </div>
  );
}
