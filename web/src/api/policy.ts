import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { templatesReply } from '../../../src/http/schemas/decisions.js';
import type { appliedPolicyReply, policyCheckReply, policyReply } from '../../../src/http/schemas/settings.js';
import { apiRequest } from './client.js';

// The account's policy (docs/api/settings.md#policy): one document holding the fee tables and the
// message templates; a change sends the whole document back with If-Match of the version it was read at.

export type PolicyResponse = z.infer<typeof policyReply>;
export type PolicyDocument = PolicyResponse['policy'];
export type PolicyCheck = z.infer<typeof policyCheckReply>;
export type PolicyProblem = PolicyCheck['errors'][number];
export type AppliedPolicy = z.infer<typeof appliedPolicyReply>;
export type TemplatesInForce = z.infer<typeof templatesReply>;

const policyKey = (accountId: number) => ['policy', accountId] as const;

export function usePolicy(accountId: number) {
  return useQuery({
    queryKey: policyKey(accountId),
    queryFn: ({ signal }) => apiRequest<PolicyResponse>(`/api/accounts/${accountId}/policy`, { signal }),
    // The editor holds its own copy: a refetch on focus must not look like someone else's change.
    refetchOnWindowFocus: false,
  });
}

/** Every message template as drafts use it under the policy `version` shown: the seller's own or the shipped wording. */
export function useTemplatesInForce(accountId: number, version: number | undefined) {
  return useQuery({
    queryKey: [...policyKey(accountId), 'templates', version],
    queryFn: ({ signal }) => apiRequest<TemplatesInForce>(`/api/accounts/${accountId}/messages/templates`, { signal }),
    enabled: version !== undefined,
    // A new policy version keeps the page (and the notice of the save that made it) until its templates arrive.
    placeholderData: keepPreviousData,
  });
}

/** Checks a document and lists every error with its path; stores nothing. */
export function useCheckPolicy(accountId: number) {
  return useMutation({
    mutationFn: (document: unknown) => apiRequest<PolicyCheck>(`/api/accounts/${accountId}/policy/validate`, { method: 'POST', body: document }),
  });
}

/** Applies a whole document as the next version, if the version in force is still `version` (else 409). */
export function useApplyPolicy(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ document, version }: { document: unknown; version: number }) => apiRequest<AppliedPolicy>(`/api/accounts/${accountId}/policy`, {
      method: 'PUT', body: document, headers: { 'if-match': `"${version}"` },
    }),
    onSuccess: () => client.invalidateQueries({ queryKey: policyKey(accountId) }),
  });
}
