import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../../api/session.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { LanguageSwitch } from '../../components/language-switch.js';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const userId = useId();
  const passwordId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>ReturnDesk</h1>
        <p>{t('login.intro')}</p>
        <form onSubmit={submit} aria-labelledby="login-title">
          <h2 id="login-title">{t('login.title')}</h2>
          <div className="field">
            <label htmlFor={userId}>{t('login.username')}</label>
            <input id={userId} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t('login.password')}</label>
            <input id={passwordId} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {login.isError && <ErrorNotice error={login.error} />}
          <button type="submit" className="button-primary" disabled={login.isPending}>{login.isPending ? t('login.submitting') : t('login.submit')}</button>
        </form>
        <p className="login-hint">{t('login.noUser')} <code>npx returndesk user add NAME --role owner</code></p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
