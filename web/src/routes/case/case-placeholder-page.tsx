import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.js';
import { EmptyState } from '../../components/state-notices.js';

/** Where a queue row leads until the case page is built: says so, and how to see the case today. */
export function CasePlaceholderPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p><AppLink href="/queue">{t('case.back')}</AppLink></p>
      <h1>{t('case.title', { id: caseId })}</h1>
      <EmptyState title={t('comingLater.title')}>
        <p>{t('case.comingLater')}</p>
        <p>{t('comingLater.meanwhile')} <code>returndesk decide {caseId}</code></p>
      </EmptyState>
    </div>
  );
}
