import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOwner, useRecheckSetup } from '../../api/setup.js';
import type { FirstOwnerForm } from '../../api/setup.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { checkForm, problemOf } from './first-run-errors.js';
import type { FormProblems } from './first-run-errors.js';
import { TextField } from './text-field.js';

const blank: FirstOwnerForm & { confirmation: string } = { setupCode: '', username: '', displayName: '', password: '', confirmation: '', accountName: '' };

/** The first run: the owner is created with the setup code from the server's terminal (docs/security.md#first-start). */
export function FirstRunPage() {
  const { t } = useTranslation();
  const create = useCreateOwner();
  const [form, setForm] = useState(blank);
  const [problems, setProblems] = useState<FormProblems>({});
  const formRef = useRef<HTMLFormElement>(null);
  // Counts refused submits: after each, once the problems are on screen, the first field that needs
  // fixing gets the focus, so its problem is read out with it.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  const set = (name: keyof typeof blank) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) setRefusals((n) => n + 1);
    else create.mutate(form);
  };
  const problem = (key: string | undefined) => (key ? t(`firstRun.problems.${key}`) : undefined);
  return (
    <main id="main" className="login-page">
      <div className="login-card first-run-card">
        <h1>{t('firstRun.title')}</h1>
        <p>{t('firstRun.intro')}</p>
        <p>{t('firstRun.whereIsCode')}</p>
        <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="first-run-owner">
          <TextField label={t('firstRun.setupCode')} hint={t('firstRun.setupCodeHint')} value={form.setupCode} onChange={set('setupCode')}
            required autoComplete="off" spellCheck={false} autoCapitalize="characters" autoFocus />
          <h2 id="first-run-owner">{t('firstRun.ownerTitle')}</h2>
          <TextField label={t('firstRun.username')} hint={t('firstRun.usernameHint')} problem={problem(problems.username)} value={form.username} onChange={set('username')} required autoComplete="username" />
          <TextField label={t('firstRun.displayName')} value={form.displayName} onChange={set('displayName')} autoComplete="name" />
          <TextField label={t('firstRun.password')} hint={t('firstRun.passwordHint')} problem={problem(problems.password)} type="password" value={form.password} onChange={set('password')} required autoComplete="new-password" />
          <TextField label={t('firstRun.confirmation')} problem={problem(problems.confirmation)} type="password" value={form.confirmation} onChange={set('confirmation')} required autoComplete="new-password" />
          <h2>{t('firstRun.accountTitle')}</h2>
          <TextField label={t('firstRun.accountName')} hint={t('firstRun.accountHint')} value={form.accountName} onChange={set('accountName')} autoComplete="organization" />
          {create.isError && <SetupError error={create.error} />}
          <button type="submit" className="button-primary" disabled={create.isPending}>{create.isPending ? t('firstRun.submitting') : t('firstRun.submit')}</button>
        </form>
        <LanguageSwitch />
      </div>
    </main>
  );
}

/** The server's refusal in the page's language, with its own words beneath; 409 leads on to the login. */
function SetupError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const recheck = useRecheckSetup();
  const problem = problemOf(error);
  return (
    <div className="notice notice-error" role="alert">
      <p><strong>{t(`firstRun.errors.${problem}`)}</strong></p>
      <p className="notice-detail">{t('errors.serverSaid', { message: error.message })}</p>
      {problem === 'alreadySetUp' && <button type="button" onClick={recheck}>{t('firstRun.goToLogin')}</button>}
    </div>
  );
}
