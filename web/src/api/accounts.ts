import { useQuery } from '@tanstack/react-query';
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
