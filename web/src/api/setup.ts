import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { setupReply, setupStatusReply } from '../../../src/http/schemas/access.js';
import { apiRequest, rememberCsrfToken } from './client.js';

// The first run (docs/security.md#first-start): while nobody can log in, the person at the server's
// terminal creates the owner with the setup code `returndesk serve` printed there.

export type SetupStatus = z.infer<typeof setupStatusReply>;
export type SetupResponse = z.infer<typeof setupReply>;

export interface FirstOwnerForm {
  setupCode: string;
  username: string;
  displayName: string;
  password: string;
  accountName: string;
}

const setupKey = ['setup'] as const;

/** Whether the instance still needs its owner; asked only while nobody is logged in. */
export function useSetupStatus(enabled: boolean) {
  return useQuery({
    queryKey: setupKey, queryFn: () => apiRequest<SetupStatus>('/api/setup'), enabled,
    // Asked once per visit: refetched behind the form, a late answer could swap the page mid-setup.
    staleTime: Infinity,
  });
}

/** Creates the owner; the server logs them in, so the app continues signed in (app.tsx sends /setup on to the onboarding step). */
export function useCreateOwner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: FirstOwnerForm) => apiRequest<SetupResponse>('/api/setup', {
      method: 'POST',
      body: {
        setupCode: form.setupCode.trim(), username: form.username.trim(), password: form.password,
        // Left out when blank: the server then uses the username, and keeps the account's default name.
        ...(form.displayName.trim() === '' ? {} : { displayName: form.displayName.trim() }),
        ...(form.accountName.trim() === '' ? {} : { accountName: form.accountName.trim() }),
      },
    }),
    onSuccess: async (answer) => {
      rememberCsrfToken(answer.csrfToken);
      // Only who is asking is asked again: the first-run page stays until the answer names the new
      // owner, and app.tsx then moves /setup on to /welcome (the login would move on to the queue).
      await client.refetchQueries({ queryKey: ['me'] });
    },
  });
}

/** After a 409 (someone else finished the first run): ask again, which shows the login page. */
export function useRecheckSetup() {
  const client = useQueryClient();
  return () => void client.refetchQueries({ queryKey: setupKey });
}
