import { checkForm } from '../first-run/first-run-errors.js';
import type { FormProblems } from '../first-run/first-run-errors.js';

// A new user's name and password checked before sending, by the server's rules (10 to 256 characters,
// not the username: docs/security.md), the same check the first-run form makes; the server checks again.

export type NewUserProblems = Omit<FormProblems, 'confirmation'>;

export function checkNewUser(username: string, password: string): NewUserProblems {
  const { username: name, password: secret } = checkForm({ username, password, confirmation: password });
  return { ...(name ? { username: name } : {}), ...(secret ? { password: secret } : {}) };
}
