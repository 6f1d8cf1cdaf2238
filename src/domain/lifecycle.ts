import { DomainError } from './errors.js';

/**
 * Return case states. MFN (seller-fulfilled) requests move requested -> authorized -> in transit ->
 * received -> inspected -> refunded -> closed, or end as a returnless refund. FBA returns are handled by
 * Amazon: the customer is refunded, the unit comes back to a fulfilment centre (or not), Amazon may
 * reimburse the seller.
 */
export const returnStatuses = [
  'requested', 'authorized', 'in_transit', 'received', 'inspected', 'refunded', 'returnless_refunded', 'closed',
  'fba_refunded', 'fba_received', 'fba_reimbursed',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/**
 * Every legal move. Reports often skip steps (a request first seen when it is already refunded), so
 * the table allows the jumps Amazon's data shows. `refunded -> received`: Amazon refunds at the first
 * carrier scan, before the parcel arrives.
 */
const transitions: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['authorized', 'in_transit', 'received', 'refunded', 'returnless_refunded', 'closed'],
  authorized: ['in_transit', 'received', 'refunded', 'closed'],
  in_transit: ['received', 'refunded', 'closed'],
  received: ['inspected', 'refunded', 'closed'],
  inspected: ['refunded', 'closed'],
  refunded: ['received', 'inspected', 'closed'],
  returnless_refunded: ['closed'],
  closed: [],
  fba_refunded: ['fba_received', 'fba_reimbursed', 'closed'],
  fba_received: ['fba_reimbursed', 'closed'],
  fba_reimbursed: ['fba_received', 'closed'],
};

export function canTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return transitions[from].includes(to);
}

/** The next state, or a DomainError('illegal_transition') naming both states. */
export function transition(from: ReturnStatus, to: ReturnStatus): ReturnStatus {
  if (!canTransition(from, to)) {
    throw new DomainError('illegal_transition', `A return case cannot go from "${from}" to "${to}".`, { from, to, allowed: transitions[from] });
  }
  return to;
}

/**
 * Applies a state that a report says a case is in. A report may be older than what ReturnDesk knows
 * (a re-imported file, or a step recorded in ReturnDesk first): then the case keeps its state rather
 * than moving backwards. Returns the state to keep and whether it moved.
 */
export function reconcileReportedStatus(current: ReturnStatus, reported: ReturnStatus): { status: ReturnStatus; moved: boolean } {
  if (current !== reported && canTransition(current, reported)) return { status: reported, moved: true };
  return { status: current, moved: false };
}
