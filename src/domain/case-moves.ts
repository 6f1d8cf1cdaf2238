import { DomainError } from './errors.js';
import { transition } from './lifecycle.js';
import type { ReturnStatus } from './lifecycle.js';
import type { Channel } from './return-case.js';

/**
 * What an agent records having done to a request in Seller Central's Manage Returns, which no Amazon
 * API can do (reference §3.4): authorized it, refunded it without a return, or closed it. The desk's
 * own status then follows, so the queue stops asking for a decision already made. (A returnless
 * refund's amount arrives with the settlement report, as every refund does.)
 */
export const caseMoves = ['authorized', 'returnless_refunded', 'closed'] as const;
export type CaseMove = (typeof caseMoves)[number];

export function isCaseMove(value: string): value is CaseMove {
  return (caseMoves as readonly string[]).includes(value);
}

/**
 * The status after the move, or why it cannot be made: only a seller-fulfilled request is authorized
 * or refunded without a return by the seller (Amazon answers FBA returns itself), and a move must be a
 * legal transition.
 */
export function statusAfterMove(move: CaseMove, returnCase: { readonly id: number; readonly channel: Channel; readonly status: ReturnStatus }): ReturnStatus {
  if (move !== 'closed' && returnCase.channel !== 'MFN') {
    throw new DomainError('illegal_transition', `Case ${returnCase.id} is an FBA return: Amazon answers those itself.`, { caseId: returnCase.id, channel: returnCase.channel });
  }
  return transition(returnCase.status, move);
}
