import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from './api/accounts.js';
import { useMe } from './api/session.js';
import { useAccountChoice } from './components/account-picker.js';
import { AppShell, sections } from './components/app-shell.js';
import type { Section } from './components/app-shell.js';
import { EmptyState, ErrorNotice, Loading } from './components/state-notices.js';
import { navigate, useAddress } from './navigation.js';
import { CasePlaceholderPage } from './routes/case/case-placeholder-page.js';
import { ComingLaterPage } from './routes/coming-later/coming-later-page.js';
import { LoginPage } from './routes/login/login-page.js';
import { QueuePage } from './routes/queue/queue-page.js';

/** Who is asking decides the page: the login page, or the shell with the page of the address. */
export function App() {
  const me = useMe();
  const { path } = useAddress();
  if (me.isPending) return <Loading />;
  if (me.isError) return <main id="main" className="page"><ErrorNotice error={me.error} onRetry={() => void me.refetch()} /></main>;
  if (me.data === null) return <><Redirect from={path} to="/login" /><LoginPage /></>;
  return <SignedIn user={me.data.user} path={path} />;
}

function sectionOf(path: string): Section | null {
  const first = path.split('/')[1] ?? '';
  if (first === 'cases') return 'queue';
  return (sections as readonly string[]).includes(first) ? (first as Section) : null;
}

function SignedIn({ user, path }: { user: { displayName: string; username: string }; path: string }) {
  const { t } = useTranslation();
  const accounts = useAccounts(true);
  const [account, chooseAccount] = useAccountChoice(accounts.data?.items ?? []);
  if (path === '/' || path === '/login') return <Redirect from={path} to="/queue" />;
  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <main id="main" className="page"><ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} /></main>;
  if (account === undefined) {
    return <main id="main" className="page"><EmptyState title={t('app.noAccount.title')}><p>{t('app.noAccount.body')}</p></EmptyState></main>;
  }
  return (
    <AppShell user={user} accounts={accounts.data.items} account={account} onChooseAccount={chooseAccount} current={sectionOf(path)}>
      <PageOf path={path} accountId={account.id} />
    </AppShell>
  );
}

function PageOf({ path, accountId }: { path: string; accountId: number }) {
  const { t } = useTranslation();
  const caseId = /^\/cases\/(\d+)$/.exec(path)?.[1];
  if (caseId !== undefined) return <CasePlaceholderPage caseId={caseId} />;
  const section = sectionOf(path);
  if (section === 'queue') return <QueuePage key={accountId} accountId={accountId} />;
  if (section !== null) return <ComingLaterPage section={section} />;
  return <div className="page"><EmptyState title={t('app.notFound.title')}><p>{t('app.notFound.body')}</p></EmptyState></div>;
}

/** Moves the address to `to` after rendering (never while rendering: that would update other components mid-render). */
function Redirect({ from, to }: { from: string; to: string }) {
  useEffect(() => {
    if (from !== to) navigate(to, { replace: true });
  }, [from, to]);
  return null;
}
