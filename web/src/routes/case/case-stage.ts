import type { CaseMove, ReturnDetailResponse } from '../../api/cases.js';

// Which server answers and actions fit a case at its stage. They follow the server's own checks, so
// the page never asks for what the server would refuse with 409 (src/domain/decisions/outcomes.ts,
// src/services/decide-case.ts, src/services/case-refund.ts).

type Case = Pick<ReturnDetailResponse, 'channel' | 'status'>;

/** An open seller-fulfilled request: it has a recommendation, and save offers can be answered. */
export function isOpenRequest(c: Case): boolean {
  return c.channel === 'MFN' && c.status === 'requested';
}

/** A seller-fulfilled unit back and not yet refunded: it can be quoted and refunded. */
export function isAwaitingRefund(c: Case): boolean {
  return c.channel === 'MFN' && (c.status === 'received' || c.status === 'inspected');
}

/** A unit that came back can be graded (outcome `graded`). */
export function canBeGraded(c: Case): boolean {
  return ['received', 'inspected', 'refunded', 'closed', 'fba_received'].includes(c.status);
}

/** The condition grades an outcome takes (src/domain/policy/policy.ts `conditionGrades`). */
export const conditionGrades = ['new', 'like_new', 'very_good', 'good', 'acceptable', 'unsellable'] as const;

/**
 * The Manage Returns moves the case's status allows (src/domain/case-moves.ts and the lifecycle's
 * transitions): an open seller-fulfilled request may be authorized, refunded without a return or
 * closed; any case not closed may be closed.
 */
export function movesFor(c: Case): CaseMove[] {
  if (c.status === 'closed') return [];
  return isOpenRequest(c) ? ['authorized', 'returnless_refunded', 'closed'] : ['closed'];
}

/** The move in Manage Returns that carries out a recommended action, if one does (an offer or an escalation has none). */
export const moveOfAction: Readonly<Partial<Record<string, CaseMove>>> = {
  authorize_return: 'authorized', returnless_refund: 'returnless_refunded', close_out_of_policy: 'closed',
};
