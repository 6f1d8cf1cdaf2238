import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { amazonConnectBody, AmazonStatusResponse, syncStartReply } from '../../../src/http/schemas/amazon.js';
import { apiRequest } from './client.js';

// A seller account's Selling Partner API connection and its syncs (docs/api/amazon.md). The secrets
// go to the server once, in the connect request; no answer holds them.

export type { AmazonStatusResponse };
export type AmazonConnectBody = z.input<typeof amazonConnectBody>;
export type SyncStart = z.infer<typeof syncStartReply>;

const amazonKey = (accountId: number) => ['amazon', accountId] as const;

/** The connection and each report's sync state; asked again every few seconds while a sync runs. */
export function useAmazonStatus(accountId: number) {
  return useQuery({
    queryKey: amazonKey(accountId),
    queryFn: ({ signal }) => apiRequest<AmazonStatusResponse>(`/api/accounts/${accountId}/amazon`, { signal }),
    refetchInterval: (query) => (query.state.data?.syncRunning ? 3000 : false),
  });
}

function useAmazonChange<Input, Reply>(accountId: number, send: (input: Input) => Promise<Reply>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => { void client.invalidateQueries({ queryKey: amazonKey(accountId) }); },
  });
}

export const useConnectAmazon = (accountId: number) => useAmazonChange(accountId, (body: AmazonConnectBody) =>
  apiRequest<AmazonStatusResponse>(`/api/accounts/${accountId}/amazon`, { method: 'PUT', body }));

export const useDisconnectAmazon = (accountId: number) => useAmazonChange(accountId, () =>
  apiRequest<undefined>(`/api/accounts/${accountId}/amazon`, { method: 'DELETE' }));

export const useStartSync = (accountId: number) => useAmazonChange(accountId, () =>
  apiRequest<SyncStart>(`/api/accounts/${accountId}/amazon/sync`, { method: 'POST' }));
