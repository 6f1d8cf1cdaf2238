import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessageLint } from '../../api/decisions.js';
import type { CaseMessage, LintBody, LintFinding } from '../../api/decisions.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { CopyButton } from './copy-button.js';
import { MarkedText } from './marked-text.js';
import { useDebounced } from './use-debounced.js';

interface DraftProps {
  accountId: number;
  marketplace: string;
  message: CaseMessage;
}

/** The lint of what the agent typed (the findings go with `settled`, the text they were found in), once they pause; the server's own findings while the draft is untouched. */
function useDraftFindings(accountId: number, marketplace: string, message: CaseMessage, subject: string, body: string) {
  const settled = { subject: useDebounced(subject, 400), body: useDebounced(body, 400) };
  const untouched = settled.subject === message.subject && settled.body === message.body;
  const request: LintBody | null = untouched || settled.body.trim() === '' ? null : { marketplace, language: message.language, ...settled };
  const lint = useMessageLint(accountId, request);
  const findings: readonly LintFinding[] = untouched ? message.findings : lint.data?.findings ?? [];
  const checking = (subject !== settled.subject || body !== settled.body) || (request !== null && lint.isFetching);
  return { findings, checking, settled, error: lint.isError ? lint.error : null, empty: body.trim() === '' };
}

/** The buyer message in the marketplace's language, editable, with the lint's findings marked beside it. */
export function MessageDraft({ accountId, marketplace, message }: DraftProps) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(message.subject);
  const [body, setBody] = useState(message.body);
  const { findings, checking, settled, error, empty } = useDraftFindings(accountId, marketplace, message, subject, body);
  const ofBody = findings.filter((f) => f.field === 'body');
  const ofSubject = findings.filter((f) => f.field === 'subject');
  return (
    <section className="case-section" aria-labelledby="case-message-title">
      <h2 id="case-message-title">{t('case.message.title')}</h2>
      <p className="table-note">{t('case.message.language', { language: message.language })}{message.fallbackFrom ? ` ${t('case.message.fallback', { from: message.fallbackFrom })}` : ''}</p>
      <div className="message-editor">
        <div className="message-fields">
          <label htmlFor="message-subject">{t('case.message.subject')}</label>
          <input id="message-subject" value={subject} lang={message.language} onChange={(e) => setSubject(e.target.value)} />
          <label htmlFor="message-body">{t('case.message.body')}</label>
          <textarea id="message-body" value={body} lang={message.language} rows={12} onChange={(e) => setBody(e.target.value)} />
          <CopyButton text={body} label={t('case.message.copy')} />
        </div>
        <div className="message-lint" aria-labelledby="message-lint-title" role="region">
          <h3 id="message-lint-title" className="case-subtitle">{t('case.message.findingsTitle')}</h3>
          <p role="status" aria-live="polite" className="lint-status">
            {empty ? t('case.message.empty') : checking ? t('case.message.checking') : findings.length === 0 ? t('case.message.ready') : t('case.message.findings', { count: findings.length })}
          </p>
          {error !== null && <ErrorNotice error={error} />}
          {findings.length > 0 && (
            <ul className="lint-findings">
              {findings.map((f) => <li key={`${f.field}-${f.start}-${f.ruleId}`}><code>{f.ruleId}</code> <q>{f.excerpt}</q> <span>{f.message}</span></li>)}
            </ul>
          )}
          {ofSubject.length > 0 && <p className="marked-text" lang={message.language}><MarkedText text={settled.subject} findings={ofSubject} /></p>}
          {ofBody.length > 0 && <div className="marked-text" lang={message.language} aria-label={t('case.message.marked')}><MarkedText text={settled.body} findings={ofBody} /></div>}
        </div>
      </div>
    </section>
  );
}
