import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { claimPacketUrl, useClaim, useRecordClaim } from '../../api/claims.js';
import type { ClaimDetailResponse, ClaimStatusBody } from '../../api/claims.js';
import { AppLink } from '../../components/app-link.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import { formatDateTime, formatMoney } from '../../format.js';
import type { Role } from '../../permissions.js';
import { CaseNotice, noticeOfFailure } from '../case/case-notice.js';
import type { CaseNoticeValue } from '../case/case-notice.js';
import { canWorkCases } from '../../permissions.js';
import { useNow } from '../../use-now.js';
import { ClaimAmount, ClaimEvidence, ClaimHistory, ClaimProof, ClaimText } from './claim-sections.js';
import { ClaimStatusForm } from './claim-status-form.js';
import { WindowCountdown } from './window-countdown.js';

/** One claim (GET …/claims/:id): what is owed and why, its packet, and its decisions for roles with work_cases. */
export function ClaimPage({ accountId, claimId, role }: { accountId: number; claimId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const claim = useClaim(accountId, claimId);
  return (
    <div className="page claim-page">
      <p><AppLink href="/claims">{t('claims.detail.back')}</AppLink></p>
      {claim.isPending && <Loading label={t('claims.detail.loading')} />}
      {claim.isError && (isApiError(claim.error, 'not_found')
        ? <EmptyState title={t('claims.detail.notFound', { id: claimId })} />
        : <ErrorNotice error={claim.error} onRetry={() => void claim.refetch()} />)}
      {claim.data && <ClaimDetail claim={claim.data} accountId={accountId} mayWork={canWorkCases(role)} />}
    </div>
  );
}

function ClaimDetail({ claim, accountId, mayWork }: { claim: ClaimDetailResponse; accountId: number; mayWork: boolean }) {
  const { t } = useTranslation();
  const record = useRecordClaim(accountId, claim.id);
  const [notice, setNotice] = useState<CaseNoticeValue | null>(null);
  const onRecord = (body: ClaimStatusBody) => record.mutate(body, {
    onSuccess: (saved) => setNotice({ kind: 'done', text: t('claims.form.done', { status: t(`claims.status.${saved.status}`) }) }),
    onError: (error) => setNotice(noticeOfFailure(error, t('claims.form.conflict'))),
  });
  return (
    <>
      <h1>{t('claims.claimNumber', { id: claim.id })} · {t(`claims.kind.${claim.kind}`)}</h1>
      <ClaimFacts claim={claim} />
      <p className="claim-packet">
        <a className="button-link" href={claimPacketUrl(accountId, claim.id)} download={`claim-${claim.id}.zip`}>{t('claims.detail.packet')}</a>
        <span className="field-help">{t('claims.detail.packetHelp')}</span>
      </p>
      {notice && <CaseNotice notice={notice} />}
      {mayWork
        ? <section className="panel"><ClaimStatusForm key={claim.status} claim={claim} pending={record.isPending} onRecord={onRecord} /></section>
        : <p className="notice">{t('claims.readOnly')}</p>}
      <ClaimAmount claim={claim} />
      <ClaimHistory claim={claim} />
      <ClaimProof claim={claim} />
      <ClaimEvidence claim={claim} />
      <ClaimText claim={claim} />
    </>
  );
}

function ClaimFacts({ claim }: { claim: ClaimDetailResponse }) {
  const { t } = useTranslation();
  const nowMs = useNow(30_000);
  const money = (minor: number) => formatMoney(minor, claim.currency, claim.marketplace);
  const when = (iso: string | null) => (iso === null ? '—' : formatDateTime(iso, claim.marketplace));
  return (
    <dl className="claim-facts">
      <div><dt>{t('claims.table.status')}</dt><dd className={`claim-status claim-status-${claim.status}`} data-testid="claim-status">{t(`claims.status.${claim.status}`)}</dd></div>
      <div><dt>{t('claims.table.owed')}</dt><dd data-testid="claim-owed">{money(claim.owedMinor)}</dd></div>
      <div><dt>{t('claims.table.recovered')}</dt><dd>{claim.recoveredMinor === null ? '—' : money(claim.recoveredMinor)}</dd></div>
      <div><dt>{t('claims.table.window')}</dt><dd><WindowCountdown claim={claim} nowMs={nowMs} /></dd></div>
      <div><dt>{t('claims.detail.opensAt')}</dt><dd>{claim.window === null ? '—' : when(claim.window.opensAt)}</dd></div>
      <div><dt>{t('claims.detail.product')}</dt><dd>{claim.sku} · {claim.marketplace} · {t('claims.detail.units', { count: claim.units })}</dd></div>
      <div><dt>{t('claims.detail.order')}</dt><dd>{claim.orderId}{claim.caseId !== null && <> · <AppLink href={`/cases/${claim.caseId}`}>{t('claims.detail.case', { id: claim.caseId })}</AppLink></>}</dd></div>
      <div><dt>{t('claims.detail.filedAt')}</dt><dd>{when(claim.filedAt)}</dd></div>
      <div><dt>{t('claims.detail.resolvedAt')}</dt><dd>{when(claim.resolvedAt)}</dd></div>
      <div><dt>{t('claims.detail.foundAt')}</dt><dd>{when(claim.foundAt)}</dd></div>
    </dl>
  );
}
