import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queuePageSize, useQueue } from '../../api/queue.js';
import type { QueueFilters as Filters, QueueResponse } from '../../api/queue.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import { navigate, useAddress } from '../../navigation.js';
import { canWorkCases } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { BulkBar } from './bulk-bar.js';
import { hasFilters, queueAddress, readQueueAddress } from './queue-address.js';
import { QueueFilters } from './queue-filters.js';
import { QueueList } from './queue-list.js';
import { QueuePaging } from './queue-paging.js';
import { UrgencyCounts } from './urgency-counts.js';
import { useNow } from '../../use-now.js';

/** The work queue: open cases needing action, most urgent first (GET /api/accounts/:id/queue). */
export function QueuePage({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const { query } = useAddress();
  const { filters, offset } = readQueueAddress(query);
  const queue = useQueue(accountId, filters, offset);
  const show = (next: Filters, nextOffset = 0) => navigate(queueAddress(next, nextOffset));
  return (
    <div className="page queue-page">
      <h1>{t('queue.title')}</h1>
      <p className="keyboard-hint">{t('queue.keyboardHint')}</p>
      {/* Keyed by the address so the SKU box shows the address's SKU after Back or Clear. */}
      <QueueFilters key={queueAddress(filters)} filters={filters} onChange={(next) => show(next)} />
      {queue.isPending && <Loading label={t('queue.loading')} />}
      {queue.isError && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && (
        // Keyed by the address: ticks belong to the page they were made on.
        <QueueResults key={`results ${queueAddress(filters, offset)}`} accountId={accountId} mayMove={canWorkCases(role)} data={queue.data} fetchedAt={queue.dataUpdatedAt}
          filtered={hasFilters(filters)} stale={queue.isPlaceholderData} onClear={() => show({})} onOffset={(next) => show(filters, next)} />
      )}
    </div>
  );
}

interface ResultsProps {
  accountId: number;
  /** The role may record moves (work_cases): rows can be ticked for a bulk move. */
  mayMove: boolean;
  data: QueueResponse;
  fetchedAt: number;
  filtered: boolean;
  stale: boolean;
  onClear: () => void;
  onOffset: (offset: number) => void;
}

function QueueResults({ accountId, mayMove, data, fetchedAt, filtered, stale, onClear, onOffset }: ResultsProps) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const requests = data.items.filter((item) => item.task === 'decide');
  const toggle = (caseId: number) => setTicked((current) => {
    const next = new Set(current);
    if (!next.delete(caseId)) next.add(caseId);
    return next;
  });
  const ticks = mayMove && requests.length > 0 ? { ticked, toggle } : undefined;
  // Countdowns run on the server's clock (the one its urgencies were computed at), ticking here.
  const nowMs = useNow(30_000) + (Date.parse(data.nowIso) - fetchedAt);
  if (data.total === 0) {
    return filtered
      ? <EmptyState title={t('queue.noMatch.title')}><p>{t('queue.noMatch.body')}</p><button type="button" onClick={onClear}>{t('queue.filters.clear')}</button></EmptyState>
      : <EmptyState title={t('queue.empty.title')}><p>{t('queue.empty.body')}</p></EmptyState>;
  }
  return (
    <section aria-busy={stale} className={stale ? 'queue-results is-stale' : 'queue-results'} aria-label={t('queue.resultsLabel')}>
      <UrgencyCounts counts={data.counts} />
      {data.items.length === 0
        ? <EmptyState title={t('queue.pastEnd')}><button type="button" onClick={() => onOffset(0)}>{t('queue.paging.first')}</button></EmptyState>
        : <>
          {ticks && <BulkBar accountId={accountId} requests={requests} selected={ticked} onSelect={setTicked} />}
          <QueueList items={data.items} nowMs={nowMs} ticks={ticks} />
        </>}
      <QueuePaging offset={data.offset} shown={data.items.length} total={data.total} pageSize={queuePageSize} onOffset={onOffset} />
    </section>
  );
}
