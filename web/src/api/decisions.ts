import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { lintBody, LintResponse, RecommendationResponse } from '../../../src/http/schemas/decisions.js';
import { apiRequest } from './client.js';

export type { LintResponse, RecommendationResponse };
export type DecisionOption = RecommendationResponse['options'][number];
export type LintFinding = LintResponse['findings'][number];
export type CaseMessage = NonNullable<RecommendationResponse['message']>;
export type LintBody = z.input<typeof lintBody>;

/** The decision for an open seller-fulfilled request; only asked for when the case is one (else the server answers 409). */
export function useRecommendation(accountId: number, caseId: number, version: number, enabled: boolean) {
  return useQuery({
    // Keyed by the version: a recorded outcome changes what the decision learns from.
    queryKey: ['case', accountId, caseId, 'recommendation', version],
    queryFn: ({ signal }) => apiRequest<RecommendationResponse>(`/api/accounts/${accountId}/returns/${caseId}/recommendation`, { signal }),
    enabled,
    retry: false,
  });
}

/** The lint of a message as the agent edited it; `body` null asks nothing (the text is unchanged or empty). */
export function useMessageLint(accountId: number, body: LintBody | null) {
  return useQuery({
    queryKey: ['lint', accountId, body],
    queryFn: ({ signal }) => apiRequest<LintResponse>(`/api/accounts/${accountId}/messages/lint`, { method: 'POST', body, signal }),
    enabled: body !== null,
    staleTime: Infinity,
    retry: false,
  });
}
