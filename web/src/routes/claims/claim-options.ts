import type { ClaimKind, ClaimStatus } from '../../api/claims.js';

// The claim statuses and kinds as runtime lists (the web app imports only types from the server).
// `Exhaustive` makes the compiler check each list holds every value of the server's type.

type Exhaustive<T, A extends readonly T[]> = [Exclude<T, A[number]>] extends [never] ? A : { missing: Exclude<T, A[number]> };

function everyOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & Exhaustive<T, A>): A => values;
}

export const claimStatusOptions = everyOf<ClaimStatus>()(['open', 'filed', 'won', 'partly_won', 'lost', 'expired']);

export const claimKindOptions = everyOf<ClaimKind>()(['fba_refunded_not_returned', 'fba_damaged_not_reimbursed', 'fba_reimbursed_short', 'fba_wrong_unit_returned', 'safet']);

/** The statuses a decision may still be recorded on (docs/api/claims.md: filed needs open; won/lost need open or filed). */
export function mayFile(status: ClaimStatus): boolean {
  return status === 'open';
}

export function mayDecide(status: ClaimStatus): boolean {
  return status === 'open' || status === 'filed';
}
