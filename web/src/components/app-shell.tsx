import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accounts.js';
import { useLogout } from '../api/session.js';
import { navigate } from '../navigation.js';
import { AccountPicker } from './account-picker.js';
import { AppLink } from './app-link.js';
import { LanguageSwitch } from './language-switch.js';

/** The app's sections, in the order of the navigation. */
export const sections = ['queue', 'import', 'receiving', 'claims', 'analytics', 'settings'] as const;
export type Section = (typeof sections)[number];

interface ShellProps {
  user: { displayName: string; username: string };
  accounts: readonly Account[];
  account: Account;
  onChooseAccount: (id: number) => void;
  current: Section | null;
  /** Whether the user's role in this account may import: the Import entry is hidden otherwise. */
  mayImport: boolean;
  children: ReactNode;
}

export function AppShell({ user, accounts, account, onChooseAccount, current, mayImport, children }: ShellProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <AppLink className="brand" href="/queue">ReturnDesk</AppLink>
        <nav aria-label={t('app.mainNavigation')}>
          <ul className="nav-list">
            {sections.filter((section) => mayImport || section !== 'import').map((section) => (
              <li key={section}>
                <AppLink href={`/${section}`} aria-current={current === section ? 'page' : undefined}>{t(`app.nav.${section}`)}</AppLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <AccountPicker accounts={accounts} current={account} onChoose={onChooseAccount} />
          <LanguageSwitch />
          <span className="user-name" title={user.username}>{user.displayName || user.username}</span>
          <button type="button" className="button-quiet" disabled={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
