import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClaimDetailResponse, ClaimListResponse, ClaimResponse, ClaimStatusBody, claimListQuery, reconcileReply,
} from '../../../src/http/schemas/claims.js';
import { apiRequest } from './client.js';

// Claims (docs/api/claims.md): what Amazon owes on returns, the soonest closing window first.

export type { ClaimDetailResponse, ClaimListResponse, ClaimResponse, ClaimStatusBody };
export type ClaimStatus = ClaimResponse['status'];
export type ClaimKind = ClaimResponse['kind'];
export type MonthTotals = ClaimListResponse['totals'][number];
export type ReconcileResponse = z.infer<typeof reconcileReply>;
type ListQuery = z.input<typeof claimListQuery>;

export const claimsPageSize = 50;

/** A page of claims; `status` undefined asks for every status (the route's default). */
export function useClaims(accountId: number, status: ListQuery['status'], offset: number) {
  return useQuery({
    queryKey: ['claims', accountId, status, offset],
    queryFn: ({ signal }) => apiRequest<ClaimListResponse>(`/api/accounts/${accountId}/claims`, {
      query: { status, limit: claimsPageSize, offset }, signal,
    }),
    // A new filter or page keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useClaim(accountId: number, claimId: number) {
  return useQuery({
    queryKey: ['claim', accountId, claimId],
    queryFn: ({ signal }) => apiRequest<ClaimDetailResponse>(`/api/accounts/${accountId}/claims/${claimId}`, { signal }),
    // A 404 will not change by asking again.
    retry: false,
  });
}

/** The packet's address: a plain link to it lets the browser download the ZIP itself (the cookie rides along). */
export const claimPacketUrl = (accountId: number, claimId: number) => `/api/accounts/${accountId}/claims/${claimId}/packet`;

/** Records filed, won (with what Amazon paid) or lost; the list and its totals change with it. */
export function useRecordClaim(accountId: number, claimId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimStatusBody) => apiRequest<ClaimResponse>(`/api/accounts/${accountId}/claims/${claimId}/status`, { method: 'POST', body }),
    // Also after a 409: the claim on screen is then not the server's any more.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['claim', accountId, claimId] });
      void client.invalidateQueries({ queryKey: ['claims', accountId] });
    },
  });
}

/** Finds every claim the imported reports support (run after each import). */
export function useReconcileClaims(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ReconcileResponse>(`/api/accounts/${accountId}/claims/reconcile`, { method: 'POST' }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['claims', accountId] });
      void client.invalidateQueries({ queryKey: ['claim', accountId] });
    },
  });
}
