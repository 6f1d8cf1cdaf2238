import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/state-notices.js';

/** What the CLI offers today for each section the web app does not have yet. */
const commands = {
  receiving: 'returndesk receive ID --by NAME --box intact',
  analytics: 'returndesk report rates',
  settings: 'returndesk policy show',
} as const;

/** A section not built yet: says so, and where the same work can be done today. No made-up data. */
export function ComingLaterPage({ section }: { section: keyof typeof commands }) {
  const { t } = useTranslation();
  const title = t(`app.nav.${section}`);
  return (
    <div className="page">
      <h1>{title}</h1>
      <EmptyState title={t('comingLater.title')}>
        <p>{t('comingLater.body', { page: title })}</p>
        <p>{t('comingLater.meanwhile')} <code>{commands[section]}</code></p>
      </EmptyState>
    </div>
  );
}
