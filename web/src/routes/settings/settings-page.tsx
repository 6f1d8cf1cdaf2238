import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../api/session.js';
import { EmptyState } from '../../components/state-notices.js';
import type { Role } from '../../permissions.js';
import { AccountsPanel } from './accounts-panel.js';
import { AmazonPanel } from './amazon-panel.js';
import { PolicyPanel } from './policy-panel.js';
import { SettingsNav } from './settings-nav.js';
import { tabOfPath } from './settings-tabs.js';
import { TemplatesPanel } from './templates-panel.js';
import { TokensPanel } from './tokens-panel.js';
import { UsersPanel } from './users-panel.js';
import './settings.css';

interface Props {
  accountId: number;
  role: Role | undefined;
  /** The whole address path (/settings/…): it names the tab. */
  path: string;
  user: MeResponse['user'];
}

/** The account's policy, templates, users, tokens and seller accounts, one tab per address. */
export function SettingsPage({ accountId, role, path, user }: Props) {
  const { t } = useTranslation();
  const tab = tabOfPath(path);
  return (
    <div className="page settings-page">
      <h1>{t('settings.title')}</h1>
      <SettingsNav current={tab} />
      <div className="settings-panel">
        {tab === 'policy' && <PolicyPanel accountId={accountId} role={role} />}
        {tab === 'templates' && <TemplatesPanel accountId={accountId} role={role} />}
        {tab === 'users' && <UsersPanel accountId={accountId} role={role} user={user} />}
        {tab === 'tokens' && <TokensPanel accountId={accountId} role={role} />}
        {tab === 'accounts' && <AccountsPanel user={user} />}
        {tab === 'amazon' && <AmazonPanel accountId={accountId} role={role} />}
        {tab === null && <EmptyState title={t('settings.notFound.title')}><p>{t('settings.notFound.body')}</p></EmptyState>}
      </div>
    </div>
  );
}
