import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accountListReply } from '../../../src/http/schemas/settings.js';
import { apiRequest } from './client.js';

export type AccountList = z.infer<typeof accountListReply>;
export type Account = AccountList['items'][number];

/** The seller accounts the user holds a role in (500 is the API's page maximum; a desk has a handful). */
export function useAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['accounts'],
    queryFn: () => apiRequest<AccountList>('/api/accounts', { query: { limit: 500 } }),
    enabled,
  });
}

/**
 * Adds a seller account the user then owns (owners of an account only, from a login session). The
 * header's picker reads `useAccounts`, and the new role is in `me`: both are asked again.
 */
export function useAddAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<Account>('/api/accounts', { method: 'POST', body: { name } }),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: ['accounts'] }), client.invalidateQueries({ queryKey: ['me'] })]);
    },
  });
}
