import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userListReply, userReply } from '../../../src/http/schemas/access.js';
import type { newAccountUserBody } from '../../../src/http/schemas/settings.js';
import type { Role } from '../permissions.js';
import { apiRequest } from './client.js';

// An account's users and their roles (docs/api/settings.md#users-of-an-account): owners only.

export type AccountUser = z.infer<typeof userReply>;
export type UserList = z.infer<typeof userListReply>;
export type NewUserBody = z.infer<typeof newAccountUserBody>;

const usersKey = (accountId: number) => ['users', accountId] as const;

export function useAccountUsers(accountId: number, enabled: boolean) {
  return useQuery({
    queryKey: usersKey(accountId),
    queryFn: ({ signal }) => apiRequest<UserList>(`/api/accounts/${accountId}/users`, { signal }),
    enabled,
  });
}

/**
 * Every change reloads the list, also after a refusal (a 409 may mean the list on screen is old), and
 * who is asking: an owner may have changed their own role, which decides what the pages offer.
 */
function useUserChange<T, R>(accountId: number, change: (variables: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: usersKey(accountId) }), client.invalidateQueries({ queryKey: ['me'] })]);
    },
  });
}

export function useAddUser(accountId: number) {
  return useUserChange(accountId, (body: NewUserBody) => apiRequest<AccountUser>(`/api/accounts/${accountId}/users`, { method: 'POST', body }));
}

export function useSetUserRole(accountId: number) {
  return useUserChange(accountId, ({ userId, role }: { userId: number; role: Role }) =>
    apiRequest<AccountUser>(`/api/accounts/${accountId}/users/${userId}/role`, { method: 'PUT', body: { role } }));
}

export function useRemoveUser(accountId: number) {
  return useUserChange(accountId, (userId: number) => apiRequest<undefined>(`/api/accounts/${accountId}/users/${userId}`, { method: 'DELETE' }));
}
