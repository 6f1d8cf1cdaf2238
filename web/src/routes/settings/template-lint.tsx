import { useTranslation } from 'react-i18next';
import { useMessageLint } from '../../api/decisions.js';
import type { LintBody } from '../../api/decisions.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { useDebounced } from '../case/use-debounced.js';
import { MarkedText } from '../case/marked-text.js';
import { lintMarketplaceOf } from './message-templates.js';
import type { TemplateLanguage } from './message-templates.js';

/** Amazon's messaging rules checked on the wording as typed, 400 ms after typing stops (the lint runs in the language's home marketplace). */
export function TemplateLint({ accountId, language, subject, body }: { accountId: number; language: TemplateLanguage; subject: string; body: string }) {
  const { t } = useTranslation();
  const settled = { subject: useDebounced(subject, 400), body: useDebounced(body, 400) };
  const request: LintBody | null = settled.body.trim() === '' ? null : { marketplace: lintMarketplaceOf(language), language, ...settled };
  const lint = useMessageLint(accountId, request);
  const findings = request === null ? [] : lint.data?.findings ?? [];
  const typing = subject !== settled.subject || body !== settled.body;
  const status = body.trim() === '' ? t('settings.templates.lintEmpty')
    : typing || lint.isFetching ? t('settings.templates.checking')
      : findings.length === 0 ? t('settings.templates.lintClean') : t('settings.templates.findings', { count: findings.length });
  const ofBody = findings.filter((f) => f.field === 'body');
  return (
    <div className="message-lint" role="region" aria-labelledby="template-lint-title">
      <h3 id="template-lint-title" className="case-subtitle">{t('settings.templates.lintTitle')}</h3>
      <p role="status" aria-live="polite" className="lint-status">{status}</p>
      {lint.isError && <ErrorNotice error={lint.error} />}
      {findings.length > 0 && (
        <ul className="lint-findings">
          {findings.map((f) => <li key={`${f.field}-${f.start}-${f.ruleId}`}><code>{f.ruleId}</code> <q>{f.excerpt}</q> <span>{f.message}</span></li>)}
        </ul>
      )}
      {ofBody.length > 0 && <div className="marked-text" lang={language} aria-label={t('settings.templates.marked')}><MarkedText text={settled.body} findings={ofBody} /></div>}
    </div>
  );
}
