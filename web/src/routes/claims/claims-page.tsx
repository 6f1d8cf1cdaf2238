import { useTranslation } from 'react-i18next';
import { claimsPageSize, useClaims } from '../../api/claims.js';
import type { ClaimListResponse } from '../../api/claims.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import { navigate, useAddress } from '../../navigation.js';
import type { Role } from '../../permissions.js';
import { canWorkCases } from '../../permissions.js';
import { QueuePaging } from '../queue/queue-paging.js';
import { useNow } from '../../use-now.js';
import { ClaimsFilter } from './claims-filter.js';
import { claimsAddress, readClaimsAddress, statusQuery } from './claims-address.js';
import type { StatusFilter } from './claims-address.js';
import { ClaimsTable } from './claims-table.js';
import { ClaimsTotals } from './claims-totals.js';
import { ReconcilePanel } from './reconcile-panel.js';

/** Claims: what Amazon owes on returns, the soonest closing window first (GET /api/accounts/:id/claims). */
export function ClaimsPage({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const { query } = useAddress();
  const { status, offset } = readClaimsAddress(query);
  const claims = useClaims(accountId, statusQuery(status), offset);
  // Reconciling and recording decisions need work_cases (docs/security.md), as changing a case does.
  const mayWork = canWorkCases(role);
  return (
    <div className="page claims-page">
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      {mayWork ? <ReconcilePanel accountId={accountId} /> : <p className="notice">{t('claims.readOnly')}</p>}
      <ClaimsFilter status={status} onChange={(next) => navigate(claimsAddress(next))} />
      {claims.isPending && <Loading label={t('claims.loading')} />}
      {claims.isError && <ErrorNotice error={claims.error} onRetry={() => void claims.refetch()} />}
      {claims.data && <ClaimsResults data={claims.data} status={status} stale={claims.isPlaceholderData} mayWork={mayWork} onOffset={(next) => navigate(claimsAddress(status, next))} />}
    </div>
  );
}

interface ResultsProps {
  data: ClaimListResponse;
  status: StatusFilter;
  stale: boolean;
  mayWork: boolean;
  onOffset: (offset: number) => void;
}

function ClaimsResults({ data, status, stale, mayWork, onOffset }: ResultsProps) {
  const { t } = useTranslation();
  // The claims API answers no server clock (the queue's does): countdowns run on this browser's.
  const nowMs = useNow(30_000);
  const none = data.totals.length === 0;
  return (
    <>
      <section aria-busy={stale} className={stale ? 'claims-results is-stale' : 'claims-results'} aria-label={t('claims.resultsLabel')}>
        {data.total === 0 && (none
          ? <EmptyState title={t('claims.empty.title')}><p>{mayWork ? t('claims.empty.bodyMay') : t('claims.empty.body')}</p></EmptyState>
          : <EmptyState title={t('claims.noMatch.title', { status: status === 'all' ? t('claims.filter.all') : t(`claims.status.${status}`) })}><p>{t('claims.noMatch.body')}</p></EmptyState>)}
        {data.total > 0 && data.items.length === 0 && <EmptyState title={t('queue.pastEnd')}><button type="button" onClick={() => onOffset(0)}>{t('queue.paging.first')}</button></EmptyState>}
        {data.items.length > 0 && <ClaimsTable claims={data.items} nowMs={nowMs} />}
        {data.total > 0 && <QueuePaging offset={data.offset} shown={data.items.length} total={data.total} pageSize={claimsPageSize} onOffset={onOffset} />}
      </section>
      <ClaimsTotals totals={data.totals} />
    </>
  );
}
