import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnCase } from '../../api/cases.js';
import type { ReturnDetailResponse } from '../../api/cases.js';
import { isApiError } from '../../api/client.js';
import { AppLink } from '../../components/app-link.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import type { Role } from '../../permissions.js';
import { CaseActions } from './case-actions.js';
import { CaseHeader } from './case-header.js';
import { CaseNotice } from './case-notice.js';
import type { CaseNoticeValue } from './case-notice.js';
import { CaseTimeline } from './case-timeline.js';
import { useCaseAdvice } from './use-case-advice.js';

interface PageProps {
  accountId: number;
  caseId: string;
  role: Role | undefined;
}

/** One return case (`/cases/:id`): what it is, what happened, what to do and send, and the actions its stage allows. */
export function CasePage({ accountId, caseId, role }: PageProps) {
  const { t } = useTranslation();
  const detail = useReturnCase(accountId, Number(caseId));
  return (
    <div className="page case-page">
      <p><AppLink href="/queue">{t('case.back')}</AppLink></p>
      <h1>{t('case.title', { id: caseId })}</h1>
      {detail.isPending && <Loading label={t('case.loading')} />}
      {detail.isError && <CaseLoadError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <CaseBody accountId={accountId} returnCase={detail.data} role={role} />}
    </div>
  );
}

function CaseLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 'not_found')) return <EmptyState title={t('case.notFound.title')}><p>{t('case.notFound.body')}</p></EmptyState>;
  if (isApiError(error, 'forbidden')) return <EmptyState title={t('case.forbidden.title')}><p>{t('case.forbidden.body')}</p></EmptyState>;
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

function CaseBody({ accountId, returnCase, role }: { accountId: number; returnCase: ReturnDetailResponse; role: Role | undefined }) {
  const [notice, setNotice] = useState<CaseNoticeValue | null>(null);
  const advice = useCaseAdvice(accountId, returnCase);
  return (
    <>
      <CaseHeader returnCase={returnCase} deadlines={advice.deadlines} atStake={advice.atStake} nowMs={advice.nowMs} />
      {notice !== null && <CaseNotice notice={notice} />}
      <CaseTimeline events={returnCase.events} marketplace={returnCase.marketplace} />
      {advice.sections}
      <CaseActions accountId={accountId} returnCase={returnCase} role={role} advice={advice} onNotice={setNotice} />
    </>
  );
}
