import type { ClaimStatus } from '../../api/claims.js';
import { claimStatusOptions } from './claim-options.js';

// The claims list's filter and page live in the address (/claims?status=filed&offset=50), so Back,
// reload and a shared link show the same claims. Open claims are the default: they are the work;
// `status=all` shows every claim. A value the API would refuse falls back to the default.

export type StatusFilter = ClaimStatus | 'all';

export function readClaimsAddress(query: URLSearchParams): { status: StatusFilter; offset: number } {
  const value = query.get('status');
  const status: StatusFilter = value === 'all' || (claimStatusOptions as readonly string[]).includes(value ?? '') ? (value as StatusFilter) : 'open';
  const offset = Number(query.get('offset') ?? 0);
  return { status, offset: Number.isInteger(offset) && offset > 0 ? offset : 0 };
}

export function claimsAddress(status: StatusFilter, offset = 0): string {
  const query = new URLSearchParams();
  if (status !== 'open') query.set('status', status);
  if (offset > 0) query.set('offset', String(offset));
  const text = query.toString();
  return text === '' ? '/claims' : `/claims?${text}`;
}

/** The route's `status` parameter: none asks for every status. */
export const statusQuery = (status: StatusFilter): ClaimStatus | undefined => (status === 'all' ? undefined : status);
