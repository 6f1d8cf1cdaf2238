import { isApiError } from '../../api/client.js';
import type { PolicyProblem } from '../../api/policy.js';

// The policy as the editor holds it (JSON text), and the errors the server lists for it.

export const policyText = (policy: unknown): string => `${JSON.stringify(policy, null, 2)}\n`;

export type ReadPolicy = { ok: true; document: unknown } | { ok: false; message: string };

/** The editor's text as a document; JSON the browser cannot read is said before anything is sent. */
export function readPolicyText(text: string): ReadPolicy {
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The `{path, message}` list of a refused apply (400 `invalid_input`, `details.errors`); null for any other failure. */
export function problemsOf(error: unknown): PolicyProblem[] | null {
  if (!isApiError(error, 'invalid_input')) return null;
  const errors = (error.details as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return null;
  return errors.filter((e): e is PolicyProblem => typeof (e as Partial<PolicyProblem>).path === 'string' && typeof (e as Partial<PolicyProblem>).message === 'string');
}

/** Where a problem is, as the server wrote it (`saveOfferLadderBps[2]`); the whole document when it gives no path. */
export const problemWhere = (problem: PolicyProblem, wholeDocument: string): string => (problem.path.trim() === '' ? wholeDocument : problem.path);
