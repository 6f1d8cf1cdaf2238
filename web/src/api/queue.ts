import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { QueueResponse, queueQuery } from '../../../src/http/schemas/queue.js';
import { apiRequest } from './client.js';

export type { QueueResponse };
export type QueueItem = QueueResponse['items'][number];
export type Urgency = QueueItem['urgency'];
export type DecisionAction = NonNullable<QueueItem['recommendation']>['action'];

type QueueQuery = z.input<typeof queueQuery>;

/** The filters the queue page offers; each is one query parameter of the route (docs/api/queue.md). */
export interface QueueFilters {
  marketplace?: NonNullable<QueueQuery['marketplace']>;
  reason?: NonNullable<QueueQuery['reason']>;
  fault?: NonNullable<QueueQuery['fault']>;
  status?: NonNullable<QueueQuery['status']>;
  sku?: string;
}

export const queuePageSize = 50;

export function useQueue(accountId: number, filters: QueueFilters, offset: number) {
  return useQuery({
    queryKey: ['queue', accountId, filters, offset],
    queryFn: ({ signal }) => apiRequest<QueueResponse>(`/api/accounts/${accountId}/queue`, {
      query: { ...filters, limit: queuePageSize, offset }, signal,
    }),
    // A new filter or page keeps the old rows on screen until the new ones arrive, instead of a blank list.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
