import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReconcileClaims } from '../../api/claims.js';
import { CaseNotice } from '../case/case-notice.js';
import type { CaseNoticeValue } from '../case/case-notice.js';

/** Reconciliation (work_cases): finds every claim the imported reports support, then says what it found. */
export function ReconcilePanel({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const reconcile = useReconcileClaims(accountId);
  const [notice, setNotice] = useState<CaseNoticeValue | null>(null);
  const run = () => reconcile.mutate(undefined, {
    onSuccess: (counts) => setNotice({ kind: 'done', text: t('claims.reconcile.done', {
      found: counts.found, newClaims: counts.newClaims, removed: counts.removed, expired: counts.expired, problems: counts.problems.length,
    }) }),
    onError: (error) => setNotice({ kind: 'error', error }),
  });
  return (
    <section className="panel reconcile-panel" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">{t('claims.reconcile.title')}</h2>
      <p>{t('claims.reconcile.intro')}</p>
      <button type="button" className="button-primary" disabled={reconcile.isPending} onClick={run}>
        {reconcile.isPending ? t('claims.reconcile.running') : t('claims.reconcile.button')}
      </button>
      {notice && <CaseNotice notice={notice} />}
    </section>
  );
}
