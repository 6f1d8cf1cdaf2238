import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';

interface Props<T> {
  query: UseQueryResult<{ items: T[] }>;
  loading: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}

/** A list's loading, error and empty states, and the list itself once it has items. */
export function ListStates<T>({ query, loading, empty, children }: Props<T>) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState title={empty} />;
  return <>{children(query.data.items)}</>;
}
