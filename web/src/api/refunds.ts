import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordedRefundResponse, RefundQuoteResponse } from '../../../src/http/schemas/refunds.js';
import { apiRequest } from './client.js';
import { ifMatch, invalidateCase } from './cases.js';

export type { RecordedRefundResponse, RefundQuoteResponse };

/** The refund the case allows now, with Amazon's caps (a POST that writes nothing; docs/api/refunds.md). */
export function useRefundQuote(accountId: number, caseId: number, version: number, enabled: boolean) {
  return useQuery({
    queryKey: ['case', accountId, caseId, 'refund-quote', version],
    queryFn: ({ signal }) => apiRequest<RefundQuoteResponse>(`/api/accounts/${accountId}/returns/${caseId}/refund-quotes`, { method: 'POST', body: {}, signal }),
    enabled,
    retry: false,
  });
}

/** Records the default quote (no fee) as issued in Manage Returns, on the version it was quoted on. */
export function useRecordRefund(accountId: number, caseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version }: { version: number }) => apiRequest<RecordedRefundResponse>(
      `/api/accounts/${accountId}/returns/${caseId}/refunds`, { method: 'POST', body: {}, headers: ifMatch(version) },
    ),
    // Not awaited: the caller's onSuccess/onError must run before the refetched case unmounts the form.
    onSettled: () => { invalidateCase(client, accountId, caseId); },
  });
}
