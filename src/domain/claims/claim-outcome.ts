import { DomainError } from '../errors.js';
import type { ClaimStatus } from './claim.js';

/** What the seller records about a claim. */
export type ClaimAction = { readonly kind: 'filed' } | { readonly kind: 'won'; readonly amountMinor: number } | { readonly kind: 'lost' };

const canFile: readonly ClaimStatus[] = ['open'];
const canDecide: readonly ClaimStatus[] = ['open', 'filed'];

/**
 * The claim's status after the seller's action: `filed` from open; `won` (Amazon paid at least what was
 * owed) or `partly_won` (less) or `lost` from open or filed. Recording a decision on an open claim
 * counts it as filed too. Anything else is a `conflict` naming the status; a negative or fractional
 * amount is `invalid_input`.
 */
export function claimStatusAfter(current: ClaimStatus, action: ClaimAction, owedMinor: number): { status: ClaimStatus; recoveredMinor: number | null } {
  const allowed = action.kind === 'filed' ? canFile : canDecide;
  if (!allowed.includes(current)) {
    throw new DomainError('conflict', `The claim is ${current}: it cannot be recorded as ${action.kind} (it can from ${allowed.join(' or ')}).`, { status: current, action: action.kind });
  }
  if (action.kind === 'filed') return { status: 'filed', recoveredMinor: null };
  if (action.kind === 'lost') return { status: 'lost', recoveredMinor: 0 };
  if (!Number.isSafeInteger(action.amountMinor) || action.amountMinor < 0) {
    throw new DomainError('invalid_input', `The amount won must be a whole, non-negative number of minor units; got ${action.amountMinor}.`, { amountMinor: action.amountMinor });
  }
  if (action.amountMinor === 0) return { status: 'lost', recoveredMinor: 0 };
  return { status: action.amountMinor >= owedMinor ? 'won' : 'partly_won', recoveredMinor: action.amountMinor };
}
