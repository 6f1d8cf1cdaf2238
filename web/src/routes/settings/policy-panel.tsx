import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicy } from '../../api/policy.js';
import type { PolicyResponse } from '../../api/policy.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { canConfigure } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { FeeTables } from './fee-tables.js';
import { PolicyEditor } from './policy-editor.js';
import { policyText } from './policy-text.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { utcTime } from './utc-time.js';

/** The policy in force with its version, its fee tables, and the whole document: editable for `configure` roles, read-only for others. */
export function PolicyPanel({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const policy = usePolicy(accountId);
  // Kept here, above the editor: an applied version remounts the editor, and the notice must stay.
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  if (policy.isPending) return <Loading label={t('settings.policy.loading')} />;
  if (policy.isError) return <ErrorNotice error={policy.error} onRetry={() => void policy.refetch()} />;
  const shown = policy.data;
  return (
    <>
      <section aria-labelledby="settings-policy-title">
        <h2 id="settings-policy-title">{t('settings.policy.title')}</h2>
        <PolicyVersion shown={shown} />
      </section>
      <FeeTables policy={shown.policy} />
      {canConfigure(role)
        ? <PolicyEditor key={`${shown.version}-${shown.sha256}`} accountId={accountId} shown={shown} notice={notice} onNotice={setNotice}
          onReload={() => void policy.refetch().then(() => setNotice({ kind: 'done', text: t('settings.policy.reloaded') }))} reloading={policy.isFetching} />
        : <ReadOnlyPolicy shown={shown} />}
    </>
  );
}

function PolicyVersion({ shown }: { shown: PolicyResponse }) {
  const { t } = useTranslation();
  return (
    <dl className="policy-version">
      <div><dt>{t('settings.policy.version')}</dt><dd data-testid="policy-version">{shown.version}</dd></div>
      <div><dt>{t('settings.policy.origin')}</dt><dd>{t(`settings.policy.origins.${shown.origin}`)}</dd></div>
      <div><dt>{t('settings.policy.source')}</dt><dd>{shown.sourceName ?? '—'}</dd></div>
      <div><dt>{t('settings.policy.appliedAt')}</dt><dd>{shown.appliedAt === null ? '—' : utcTime(shown.appliedAt)}</dd></div>
    </dl>
  );
}

function ReadOnlyPolicy({ shown }: { shown: PolicyResponse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="policy-document-title">
      <h2 id="policy-document-title">{t('settings.policy.document')}</h2>
      <p className="notice">{t('settings.policy.readOnly')}</p>
      <pre className="policy-text" tabIndex={0} aria-labelledby="policy-document-title">{policyText(shown.policy)}</pre>
    </section>
  );
}
