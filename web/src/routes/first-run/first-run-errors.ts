import { isApiError } from '../../api/client.js';

// What went wrong with the first-run form, as a key of `firstRun.errors` in the page's language. The
// server's own (English) message is shown beneath it by the page.

export type FirstRunProblem = 'wrongCode' | 'noSetupCode' | 'tooManyTries' | 'alreadySetUp' | 'invalid' | 'other';

export function problemOf(error: unknown): FirstRunProblem {
  if (!isApiError(error)) return 'other';
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  if (error.status === 403) return reason === 'no_setup_code' ? 'noSetupCode' : 'wrongCode';
  if (error.status === 429) return 'tooManyTries';
  if (error.status === 409) return 'alreadySetUp';
  if (error.code === 'invalid_input') return 'invalid';
  return 'other';
}

export interface FormProblems {
  username?: 'usernameShape';
  password?: 'passwordShort' | 'passwordLong' | 'passwordIsUsername';
  confirmation?: 'passwordsDiffer';
}

// The server's rules (src/domain/access/credentials.ts, docs/security.md#first-start), checked here
// first so a typo is caught before the form is sent; the server checks them again.
const usernamePattern = /^[\p{L}\p{N}._@-]{2,64}$/u;

/** What the page can tell about the form before sending it; empty when nothing. */
export function checkForm(form: { username: string; password: string; confirmation: string }): FormProblems {
  const problems: FormProblems = {};
  const username = form.username.trim();
  const length = [...form.password].length;
  if (!usernamePattern.test(username)) problems.username = 'usernameShape';
  if (length < 10) problems.password = 'passwordShort';
  else if (length > 256) problems.password = 'passwordLong';
  else if (form.password.trim().toLowerCase() === username.toLowerCase()) problems.password = 'passwordIsUsername';
  if (form.confirmation !== form.password) problems.confirmation = 'passwordsDiffer';
  return problems;
}
