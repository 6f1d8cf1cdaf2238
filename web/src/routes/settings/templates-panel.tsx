import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy, useTemplatesInForce } from '../../api/policy.js';
import type { PolicyDocument } from '../../api/policy.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { canConfigure } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { templateActions, templateLanguages, templateOf } from './message-templates.js';
import type { TemplateAction, TemplateLanguage } from './message-templates.js';
import { SelectField } from './select-field.js';
import { SettingsNotice } from './settings-notice.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { SettingsTable } from './settings-table.js';
import { TemplateEditor } from './template-editor.js';

/** The seller's buyer-message wording per language and action (the policy's `messageTemplates`), with the lint re-run as they type. */
export function TemplatesPanel({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const policy = usePolicy(accountId);
  const inForce = useTemplatesInForce(accountId, policy.data?.version);
  const [language, setLanguage] = useState<TemplateLanguage>('en');
  const [action, setAction] = useState<TemplateAction>('save_offer');
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  if (policy.isError) return <ErrorNotice error={policy.error} onRetry={() => void policy.refetch()} />;
  if (inForce.isError) return <ErrorNotice error={inForce.error} onRetry={() => void inForce.refetch()} />;
  if (policy.isPending || inForce.isPending) return <Loading label={t('settings.policy.loading')} />;
  const shown = policy.data;
  const mayEdit = canConfigure(role);
  return (
    <section aria-labelledby="settings-templates-title">
      <h2 id="settings-templates-title">{t('settings.templates.title')}</h2>
      <p className="table-note">{t('settings.templates.intro')}</p>
      {!mayEdit && <p className="notice">{t('settings.templates.readOnly')}</p>}
      <TemplateOverview policy={shown.policy} />
      <TemplatePicker language={language} action={action} onLanguage={setLanguage} onAction={setAction} />
      {notice && <SettingsNotice notice={notice} />}
      {/* The editor starts from the templates of the version shown: a newer one's wait until they arrive. */}
      {inForce.data.policyVersion === shown.version
        ? <TemplateEditor key={`${language}-${action}-${shown.version}`} accountId={accountId} shown={shown} language={language} action={action} mayEdit={mayEdit}
          onNotice={setNotice} inForce={inForce.data.templates[language][action]} onStale={() => void policy.refetch()} />
        : <Loading />}
    </section>
  );
}

/** Which language and action has the seller's own wording, at a glance. */
function TemplateOverview({ policy }: { policy: PolicyDocument }) {
  const { t } = useTranslation();
  return (
    <SettingsTable caption={t('settings.templates.overview')} className="template-overview"
      headers={<><th scope="col">{t('settings.templates.action')}</th>{templateLanguages.map((l) => <th key={l} scope="col">{t(`settings.templates.languages.${l}`)}</th>)}</>}>
      {templateActions.map((a) => (
        <tr key={a}>
          <th scope="row">{t(`settings.templates.actions.${a}`)}</th>
          {templateLanguages.map((l) => <td key={l}>{templateOf(policy, l, a) ? t('settings.templates.own') : t('settings.templates.shipped')}</td>)}
        </tr>
      ))}
    </SettingsTable>
  );
}

interface PickerProps {
  language: TemplateLanguage;
  action: TemplateAction;
  onLanguage: (language: TemplateLanguage) => void;
  onAction: (action: TemplateAction) => void;
}

function TemplatePicker({ language, action, onLanguage, onAction }: PickerProps) {
  const { t } = useTranslation();
  return (
    <div className="template-picker">
      <SelectField label={t('settings.templates.language')} value={language} options={templateLanguages} optionLabel={(l) => t(`settings.templates.languages.${l}`)} onChange={onLanguage} />
      <SelectField label={t('settings.templates.action')} value={action} options={templateActions} optionLabel={(a) => t(`settings.templates.actions.${a}`)} onChange={onAction} />
    </div>
  );
}
