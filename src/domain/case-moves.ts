import { DomainError } from './errors.js';
import { transition } from './lifecycle.js';
import type { ReturnStatus } from './lifecycle.js';
import type { Channel } from './return-case.js';

/**
 * What an agent records having done to a request in Seller Central's Manage Returns, which no Amazon
 * API can do (reference §3.4): authorized it, or closed it. The desk's own status then follows, so
 * the queue stops asking for a decision already made and the 48-hour response clock is seen as met.
 */
export const caseMoves = ['authorized', 'closed'] as const;
export type CaseMove = (typeof caseMoves)[number];

export function isCaseMove(value: string): value is CaseMove {
  return (caseMoves as readonly string[]).includes(value);
}

/**
 * The status after the move, or why it cannot be made: only a seller-fulfilled request is authorized
 * by the seller (Amazon authorizes FBA returns itself), and a move must be a legal transition.
 */
export function statusAfterMove(move: CaseMove, returnCase: { readonly id: number; readonly channel: Channel; readonly status: ReturnStatus }): ReturnStatus {
  if (move === 'authorized' && returnCase.channel !== 'MFN') {
    throw new DomainError('illegal_transition', `Case ${returnCase.id} is an FBA return: Amazon authorizes those itself.`, { caseId: returnCase.id, channel: returnCase.channel });
  }
  return transition(returnCase.status, move);
}
