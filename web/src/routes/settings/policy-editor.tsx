import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useApplyPolicy, useCheckPolicy } from '../../api/policy.js';
import type { PolicyProblem, PolicyResponse } from '../../api/policy.js';
import { PolicyProblems } from './policy-problems.js';
import { policyText, problemsOf, readPolicyText } from './policy-text.js';
import { SettingsNotice } from './settings-notice.js';
import type { SettingsNoticeValue } from './settings-notice.js';

interface Props {
  accountId: number;
  /** The version the editor was loaded from: Apply sends it as If-Match. */
  shown: PolicyResponse;
  notice: SettingsNoticeValue | null;
  onNotice: (notice: SettingsNoticeValue | null) => void;
  onReload: () => void;
  reloading: boolean;
}

/** The whole policy as JSON: checked by the server (every error with its path), applied as the next version if nobody changed it meanwhile. */
export function PolicyEditor({ accountId, shown, notice, onNotice, onReload, reloading }: Props) {
  const { t } = useTranslation();
  const textId = useId();
  const [text, setText] = useState(() => policyText(shown.policy));
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null);
  const check = useCheckPolicy(accountId);
  const apply = useApplyPolicy(accountId);
  /** The document to send, or null after listing why the text is not JSON. */
  const documentOrSay = (): unknown => {
    const read = readPolicyText(text);
    if (read.ok) return read.document;
    setProblems([{ path: '', message: t('settings.policy.notJson', { message: read.message }) }]);
    return null;
  };
  const onCheck = () => {
    onNotice(null);
    const document = documentOrSay();
    if (document === null) return;
    check.mutate(document, { onSuccess: (checked) => setProblems(checked.errors), onError: (error) => onNotice({ kind: 'error', error }) });
  };
  const onApply = () => {
    const document = documentOrSay();
    if (document === null) return;
    apply.mutate({ document, version: shown.version }, {
      onSuccess: (applied) => {
        setProblems(null);
        onNotice({ kind: 'done', text: applied.changed ? t('settings.policy.applied', { version: applied.version }) : t('settings.policy.unchanged', { version: applied.version }) });
      },
      onError: (error) => {
        const listed = problemsOf(error);
        if (listed !== null) return setProblems(listed);
        onNotice(isApiError(error, 'conflict') ? { kind: 'refused', text: t('settings.policy.conflict', { version: shown.version }) } : { kind: 'error', error });
      },
    });
  };
  const conflict = notice?.kind === 'refused';
  return (
    <section className="policy-editor" aria-labelledby="policy-editor-title">
      <h2 id="policy-editor-title">{t('settings.policy.editTitle')}</h2>
      {notice && (
        <SettingsNotice notice={notice}>
          {conflict && <button type="button" onClick={onReload} disabled={reloading}>{t('settings.policy.reload')}</button>}
        </SettingsNotice>
      )}
      <label htmlFor={textId}>{t('settings.policy.editLabel', { version: shown.version })}</label>
      <p className="field-hint" id={`${textId}-hint`}>{t('settings.policy.editHint')}</p>
      <textarea id={textId} className="policy-text" value={text} rows={24} spellCheck={false} autoCapitalize="off" autoCorrect="off"
        aria-describedby={`${textId}-hint`} onChange={(event) => { setText(event.target.value); setProblems(null); }} />
      <div className="editor-actions">
        <button type="button" onClick={onCheck} disabled={check.isPending}>{t('settings.policy.check')}</button>
        <button type="button" className="button-primary" onClick={onApply} disabled={apply.isPending}>{t('settings.policy.apply')}</button>
      </div>
      {problems !== null && <PolicyProblems problems={problems} />}
    </section>
  );
}
