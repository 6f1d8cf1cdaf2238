import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.js';
import { EmptyState } from '../../components/state-notices.js';
import { DemoPanel } from './demo-panel.js';
import { UploadPanel } from './upload-panel.js';

/** The first run's last step: the new owner brings their reports in, or loads the demo to look around. */
export function WelcomePage({ accountId, mayImport }: { accountId: number; mayImport: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page import-page welcome-page">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      {mayImport
        ? <div className="welcome-choices"><UploadPanel accountId={accountId} /><DemoPanel accountId={accountId} /></div>
        : <EmptyState title={t('import.notAllowed.title')}><p>{t('import.notAllowed.body')}</p></EmptyState>}
      <p><AppLink href="/queue">{t('welcome.skip')}</AppLink></p>
    </div>
  );
}
