import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from './api/accounts.js';
import { useMe } from './api/session.js';
import type { MeResponse } from './api/session.js';
import { useSetupStatus } from './api/setup.js';
import { useAccountChoice } from './components/account-picker.js';
import { AppShell, sections } from './components/app-shell.js';
import type { Section } from './components/app-shell.js';
import { EmptyState, ErrorNotice, Loading } from './components/state-notices.js';
import { navigate, useAddress } from './navigation.js';
import { CasePage } from './routes/case/case-page.js';
import { ClaimPage } from './routes/claims/claim-page.js';
import { AnalyticsPage } from './routes/analytics/analytics-page.js';
import { ClaimsPage } from './routes/claims/claims-page.js';
import { canImport, roleIn } from './permissions.js';
import type { Role } from './permissions.js';
import { FirstRunPage } from './routes/first-run/first-run-page.js';
import { ImportPage } from './routes/import/import-page.js';
import { WelcomePage } from './routes/import/welcome-page.js';
import { LoginPage } from './routes/login/login-page.js';
import { QueuePage } from './routes/queue/queue-page.js';
import { ReceivingPage } from './routes/receiving/receiving-page.js';
import { SettingsPage } from './routes/settings/settings-page.js';

/** Who is asking decides the page: the first run or the login page, or the shell with the page of the address. */
export function App() {
  const me = useMe();
  const { path } = useAddress();
  if (me.isPending) return <Loading />;
  if (me.isError) return <main id="main" className="page"><ErrorNotice error={me.error} onRetry={() => void me.refetch()} /></main>;
  if (me.data === null) return <SignedOut path={path} />;
  return <SignedIn user={me.data.user} path={path} />;
}

/** Nobody logged in: the first-run page while the instance has no owner yet, else the login page. */
function SignedOut({ path }: { path: string }) {
  const setup = useSetupStatus(true);
  if (setup.isPending) return <Loading />;
  if (setup.isError) return <main id="main" className="page"><ErrorNotice error={setup.error} onRetry={() => void setup.refetch()} /></main>;
  if (setup.data.needsOwner) return <><Redirect from={path} to="/setup" /><FirstRunPage /></>;
  return <><Redirect from={path} to="/login" /><LoginPage /></>;
}

function sectionOf(path: string): Section | null {
  const first = path.split('/')[1] ?? '';
  if (first === 'cases') return 'queue';
  return (sections as readonly string[]).includes(first) ? (first as Section) : null;
}

function SignedIn({ user, path }: { user: MeResponse['user']; path: string }) {
  const { t } = useTranslation();
  const accounts = useAccounts(true);
  const [account, chooseAccount] = useAccountChoice(accounts.data?.items ?? []);
  if (path === '/' || path === '/login') return <Redirect from={path} to="/queue" />;
  // The owner just made on the first-run page goes on to bring their data in.
  if (path === '/setup') return <Redirect from={path} to="/welcome" />;
  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <main id="main" className="page"><ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} /></main>;
  if (account === undefined) {
    return <main id="main" className="page"><EmptyState title={t('app.noAccount.title')}><p>{t('app.noAccount.body')}</p></EmptyState></main>;
  }
  const role = roleIn(user, account.id);
  const mayImport = canImport(role);
  return (
    <AppShell user={user} accounts={accounts.data.items} account={account} onChooseAccount={chooseAccount} current={sectionOf(path)} mayImport={mayImport}>
      <PageOf path={path} accountId={account.id} role={role} mayImport={mayImport} user={user} />
    </AppShell>
  );
}

interface PageProps {
  path: string;
  accountId: number;
  role: Role | undefined;
  mayImport: boolean;
  user: MeResponse['user'];
}

function PageOf({ path, accountId, role, mayImport, user }: PageProps) {
  const { t } = useTranslation();
  const caseId = /^\/cases\/(\d+)$/.exec(path)?.[1];
  if (caseId !== undefined) return <CasePage key={`${accountId}-${caseId}`} accountId={accountId} caseId={caseId} role={role} />;
  const claimId = /^\/claims\/(\d+)$/.exec(path)?.[1];
  if (claimId !== undefined) return <ClaimPage key={`${accountId}-${claimId}`} accountId={accountId} claimId={Number(claimId)} role={role} />;
  if (path === '/welcome') return <WelcomePage key={accountId} accountId={accountId} mayImport={mayImport} />;
  const section = sectionOf(path);
  if (section === 'queue') return <QueuePage key={accountId} accountId={accountId} role={role} />;
  if (section === 'import') return <ImportPage key={accountId} accountId={accountId} mayImport={mayImport} />;
  if (section === 'claims') return <ClaimsPage key={accountId} accountId={accountId} role={role} />;
  if (section === 'receiving') return <ReceivingPage key={accountId} accountId={accountId} role={role} path={path} />;
  if (section === 'analytics') return <AnalyticsPage key={accountId} accountId={accountId} role={role} />;
  if (section === 'settings') return <SettingsPage key={accountId} accountId={accountId} role={role} path={path} user={user} />;
  return <div className="page"><EmptyState title={t('app.notFound.title')}><p>{t('app.notFound.body')}</p></EmptyState></div>;
}

/** Moves the address to `to` after rendering (never while rendering: that would update other components mid-render). */
function Redirect({ from, to }: { from: string; to: string }) {
  useEffect(() => {
    if (from !== to) navigate(to, { replace: true });
  }, [from, to]);
  return null;
}
