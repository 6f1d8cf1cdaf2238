import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { loginReply, meReply } from '../../../src/http/schemas/access.js';
import { apiRequest, isApiError, rememberCsrfToken } from './client.js';

export type LoginResponse = z.infer<typeof loginReply>;
export type MeResponse = z.infer<typeof meReply>;

const meKey = ['me'] as const;

/** Who is logged in; `null` when nobody is (the API answered 401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<MeResponse | null> => {
      try {
        return await apiRequest<MeResponse>('/api/auth/me');
      } catch (error) {
        if (isApiError(error, 'unauthenticated')) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async (answer) => {
      rememberCsrfToken(answer.csrfToken);
      // Nothing cached for a previous user may show; who is asking is asked again.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      await client.refetchQueries({ queryKey: meKey });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/api/auth/logout', { method: 'POST' }),
    // Whatever the server said, this browser forgets the session: a failed logout must not leave data on screen.
    onSettled: () => {
      rememberCsrfToken(null);
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}
