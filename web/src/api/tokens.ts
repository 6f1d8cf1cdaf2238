import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createdTokenReply, tokenListReply, tokenReply } from '../../../src/http/schemas/access.js';
import type { Role } from '../permissions.js';
import { apiRequest } from './client.js';

// The user's own API tokens (docs/security.md#api-tokens): listed without secrets; a new one's secret
// is in the create answer only, and the page must not keep it anywhere else.

export type ApiToken = z.infer<typeof tokenReply>;
export type TokenList = z.infer<typeof tokenListReply>;
export type CreatedToken = z.infer<typeof createdTokenReply>;
export interface NewTokenBody { name: string; accountId: number; role: Role }

const tokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => apiRequest<TokenList>('/api/auth/tokens', { signal }),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTokenBody) => apiRequest<CreatedToken>('/api/auth/tokens', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<ApiToken>(`/api/auth/tokens/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
