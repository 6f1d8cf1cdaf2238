import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useApplyPolicy } from '../../api/policy.js';
import type { PolicyResponse } from '../../api/policy.js';
import { templateOf, withTemplate } from './message-templates.js';
import type { MessageTemplate, TemplateAction, TemplateLanguage } from './message-templates.js';
import { problemsOf } from './policy-text.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { TemplateLint } from './template-lint.js';

interface Props {
  accountId: number;
  shown: PolicyResponse;
  language: TemplateLanguage;
  action: TemplateAction;
  mayEdit: boolean;
  /** The wording drafts use now (`GET …/messages/templates`): the seller's own, else the shipped one. */
  inForce: MessageTemplate;
  onNotice: (notice: SettingsNoticeValue) => void;
  /** Someone applied another version meanwhile: the panel loads it. */
  onStale: () => void;
}

/**
 * One template, starting from the wording in force: the seller's own if the policy has one, else the
 * shipped one. Saving sends the whole policy with this template in it (PUT …/policy, If-Match of the
 * version shown): templates have no route of their own.
 */
export function TemplateEditor({ accountId, shown, language, action, mayEdit, inForce, onNotice, onStale }: Props) {
  const { t } = useTranslation();
  const own = templateOf(shown.policy, language, action);
  const [subject, setSubject] = useState(own?.subject ?? inForce.subject);
  const [body, setBody] = useState(own?.body ?? inForce.body);
  const ids = { subject: useId(), body: useId() };
  const apply = useApplyPolicy(accountId);
  const names = { language: t(`settings.templates.languages.${language}`), action: t(`settings.templates.actions.${action}`) };
  // A promise, not mutate's callbacks: the save brings a new policy version, which remounts this editor
  // (its key) before mutate's callbacks would run, and they never run for an unmounted component. The
  // notice belongs to the panel, which stays.
  const save = (template: MessageTemplate | null, done: string) => void apply.mutateAsync({ document: withTemplate(shown.policy, language, action, template), version: shown.version }).then(
    (applied) => onNotice({ kind: 'done', text: t(done, { ...names, version: applied.version }) }),
    (error: unknown) => {
      const listed = problemsOf(error);
      if (listed !== null) return onNotice({ kind: 'refused', text: listed.map((p) => `${p.path}: ${p.message}`).join('; ') });
      if (!isApiError(error, 'conflict')) return onNotice({ kind: 'error', error });
      onNotice({ kind: 'refused', text: t('settings.templates.conflict') });
      onStale();
    },
  );
  if (!mayEdit) return <ReadOnlyTemplate template={own ?? inForce} own={own !== undefined} language={language} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save({ subject, body }, 'settings.templates.saved');
  };
  return (
    <form className="panel template-editor" onSubmit={submit} aria-label={t('settings.templates.editorOf', names)}>
      <p className="table-note">{own ? t('settings.templates.hasOwn') : t('settings.templates.usesShipped')}</p>
      <div className="message-editor">
        <div className="message-fields">
          <label htmlFor={ids.subject}>{t('settings.templates.subject')}</label>
          <input id={ids.subject} value={subject} lang={language} onChange={(e) => setSubject(e.target.value)} />
          <label htmlFor={ids.body}>{t('settings.templates.body')}</label>
          <textarea id={ids.body} value={body} lang={language} rows={10} onChange={(e) => setBody(e.target.value)} />
          <p className="field-hint">{t('settings.templates.placeholders')}</p>
        </div>
        <TemplateLint accountId={accountId} language={language} subject={subject} body={body} />
      </div>
      <div className="editor-actions">
        <button type="submit" className="button-primary" disabled={apply.isPending || subject.trim() === '' || body.trim() === ''}>{t('settings.templates.save')}</button>
        {own && <button type="button" onClick={() => save(null, 'settings.templates.reset')} disabled={apply.isPending}>{t('settings.templates.useShipped')}</button>}
      </div>
    </form>
  );
}

/** The wording in force for a role that may not change it. */
function ReadOnlyTemplate({ template, own, language }: { template: MessageTemplate; own: boolean; language: TemplateLanguage }) {
  const { t } = useTranslation();
  return (
    <div className="panel template-text" lang={language}>
      <p className="table-note">{own ? t('settings.templates.hasOwn') : t('settings.templates.usesShipped')}</p>
      <p><strong>{t('settings.templates.subject')}:</strong> {template.subject}</p>
      <pre className="policy-text">{template.body}</pre>
    </div>
  );
}
