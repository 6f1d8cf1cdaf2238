import { DomainError } from '../domain/errors.js';

// Optimistic concurrency on cases (docs/security.md#http-api): a client sends the version it read
// (HTTP If-Match), and a change made on an older one is refused whole, so nobody overwrites what
// they have not seen.

export interface CaseWriteGuard {
  /** The case's version the change was made on; refused with `conflict` when the case moved on. */
  readonly expectedVersion?: number;
  /** Who, for the audit log: 'user:<id>', 'token:<id>', 'cli:<os user>'. */
  readonly actor?: string;
}

export function requireVersion(returnCase: { readonly id: number; readonly version: number }, expected: number | undefined): void {
  if (expected === undefined || expected === returnCase.version) return;
  throw new DomainError('conflict', `Return case ${returnCase.id} changed since version ${expected} (it is at ${returnCase.version} now): reload it and try again.`,
    { caseId: returnCase.id, expectedVersion: expected, version: returnCase.version });
}
