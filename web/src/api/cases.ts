import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseStatusBody, caseStatusReply, outcomeBody, recordedOutcomeReply, ReturnDetailResponse } from '../../../src/http/schemas/returns.js';
import { apiRequest } from './client.js';

export type { ReturnDetailResponse };
export type CaseEvent = ReturnDetailResponse['events'][number];
export type OutcomeBody = z.input<typeof outcomeBody>;
export type RecordedOutcome = z.infer<typeof recordedOutcomeReply>;
export type CaseMoveBody = z.input<typeof caseStatusBody>;
export type CaseMove = CaseMoveBody['status'];
export type MovedCase = z.infer<typeof caseStatusReply>;

export const caseKey = (accountId: number, caseId: number) => ['case', accountId, caseId] as const;

/** One case with its history, oldest event first (GET …/returns/:id); `version` is the ETag's number. */
export function useReturnCase(accountId: number, caseId: number) {
  return useQuery({
    queryKey: caseKey(accountId, caseId),
    queryFn: ({ signal }) => apiRequest<ReturnDetailResponse>(`/api/accounts/${accountId}/returns/${caseId}`, { signal }),
    // A 404 or 403 will not change by asking again.
    retry: false,
  });
}

/** The `If-Match` of a change made on the case's `version` (the server's ETag is the version in quotes). */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * After a change (or a 409), the case on screen is no longer the server's: fetch it again, and the queue.
 * Only the case itself: its recommendation and quote are keyed by version, so the new version asks
 * for them anew (or not at all when the stage has none), instead of re-asking the old ones, which the
 * server now refuses with 409.
 */
export function invalidateCase(client: QueryClient, accountId: number, caseId: number): void {
  void client.invalidateQueries({ queryKey: caseKey(accountId, caseId), exact: true });
  void client.invalidateQueries({ queryKey: ['queue', accountId] });
}

/** Records an outcome on the version the page shows; a 409 means the case moved on meanwhile. */
export function useRecordOutcome(accountId: number, caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: OutcomeBody; version: number }) => apiRequest<RecordedOutcome>(
      `/api/accounts/${accountId}/returns/${caseId}/outcomes`, { method: 'POST', body, headers: ifMatch(version) },
    ),
    // Not awaited: the caller's onSuccess/onError must run before the refetched case unmounts the form.
    onSettled: () => { invalidateCase(client, accountId, caseId); },
  });
}

/** Records a move made in Seller Central's Manage Returns (authorized, refunded without a return, closed) on `version`. */
export function recordMove(accountId: number, caseId: number, body: CaseMoveBody, version: number): Promise<MovedCase> {
  return apiRequest<MovedCase>(`/api/accounts/${accountId}/returns/${caseId}/status`, { method: 'POST', body, headers: ifMatch(version) });
}

export function useRecordMove(accountId: number, caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: CaseMoveBody; version: number }) => recordMove(accountId, caseId, body, version),
    onSettled: () => { invalidateCase(client, accountId, caseId); },
  });
}
