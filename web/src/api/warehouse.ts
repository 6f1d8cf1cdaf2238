import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  caseLookupReply, dispositionBody, evidenceListReply, dispositionChoicesReply, dispositionReply, InspectionResponse, InspectionSheetResponse, receiptBody, receiptReply,
} from '../../../src/http/schemas/warehouse.js';
import { apiRequest } from './client.js';
import { caseKey, ifMatch, invalidateCase } from './cases.js';

// The warehouse (docs/api/warehouse.md): the scan, the arrival, the inspection with its photos and
// videos, and the route the unit takes. Every change is made on the version the page shows (If-Match).

export type { InspectionResponse, InspectionSheetResponse };
export type LookupResponse = z.infer<typeof caseLookupReply>;
export type ReceiptBody = z.input<typeof receiptBody>;
export type ReceiptResponse = z.infer<typeof receiptReply>;
export type DispositionChoices = z.infer<typeof dispositionChoicesReply>;
export type DispositionBody = z.input<typeof dispositionBody>;
export type DispositionResponse = z.infer<typeof dispositionReply>;
export type EvidenceList = z.infer<typeof evidenceListReply>;

/** The one case a scanned RMA, tracking number, order id, license plate or case id names. */
export function useCaseLookup(accountId: number) {
  return useMutation({
    mutationFn: (identifier: string) => apiRequest<LookupResponse>(`/api/accounts/${accountId}/cases/lookup`, { query: { identifier } }),
  });
}

const sheetKey = (accountId: number, caseId: number) => [...caseKey(accountId, caseId), 'checklist'] as const;

/** Where the unit stands and what its inspection asks. */
export function useInspectionSheet(accountId: number, caseId: number) {
  return useQuery({
    queryKey: sheetKey(accountId, caseId),
    queryFn: ({ signal }) => apiRequest<InspectionSheetResponse>(`/api/accounts/${accountId}/returns/${caseId}/checklist`, { signal }),
    retry: false,
  });
}

/** The case's photos and videos, oldest first (the first 100: more than any inspection sends). */
export function useCaseEvidence(accountId: number, caseId: number) {
  return useQuery({
    queryKey: [...caseKey(accountId, caseId), 'evidence'],
    queryFn: ({ signal }) => apiRequest<EvidenceList>(`/api/accounts/${accountId}/returns/${caseId}/evidence`, { signal }),
  });
}

/** One photo or video's address: an <img> shows it, a link downloads it (the login cookie rides along). */
export const evidenceUrl = (accountId: number, sha256: string) => `/api/accounts/${accountId}/evidence/${sha256}`;

/** Every route for the inspected unit, priced now; asked only once there is an inspection. */
export function useDispositionChoices(accountId: number, caseId: number, version: number, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKey(accountId, caseId), 'disposition', version],
    queryFn: ({ signal }) => apiRequest<DispositionChoices>(`/api/accounts/${accountId}/returns/${caseId}/disposition`, { signal }),
    enabled,
    retry: false,
  });
}

/** After a change the case, its sheet and the queue are no longer the server's. */
function useCaseChanged(accountId: number, caseId: number) {
  const client = useQueryClient();
  return () => {
    invalidateCase(client, accountId, caseId);
    void client.invalidateQueries({ queryKey: sheetKey(accountId, caseId) });
    void client.invalidateQueries({ queryKey: [...caseKey(accountId, caseId), 'evidence'] });
  };
}

/** A JSON change of the case (`receipts`, `dispositions`) made on the version the page shows. */
function useCaseWrite<Body, Reply>(accountId: number, caseId: number, what: 'receipts' | 'dispositions') {
  const changed = useCaseChanged(accountId, caseId);
  return useMutation({
    mutationFn: ({ body, version }: { body: Body; version: number }) => apiRequest<Reply>(
      `/api/accounts/${accountId}/returns/${caseId}/${what}`, { method: 'POST', body, headers: ifMatch(version) },
    ),
    onSettled: changed,
  });
}

export const useRecordReceipt = (accountId: number, caseId: number) => useCaseWrite<ReceiptBody, ReceiptResponse>(accountId, caseId, 'receipts');

/** The checklist answers and the photos and videos, as one multipart form. */
export function useRecordInspection(accountId: number, caseId: number) {
  const changed = useCaseChanged(accountId, caseId);
  return useMutation({
    mutationFn: ({ answers, files, version }: { answers: object; files: readonly File[]; version: number }) => {
      const form = new FormData();
      form.append('answers', JSON.stringify(answers));
      for (const file of files) form.append('evidence', file, file.name);
      return apiRequest<InspectionResponse>(`/api/accounts/${accountId}/returns/${caseId}/inspections`, { method: 'POST', body: form, headers: ifMatch(version) });
    },
    onSettled: changed,
  });
}

export const useRecordDisposition = (accountId: number, caseId: number) => useCaseWrite<DispositionBody, DispositionResponse>(accountId, caseId, 'dispositions');
