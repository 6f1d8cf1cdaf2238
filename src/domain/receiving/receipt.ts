import { DomainError } from '../errors.js';
import { transition } from '../lifecycle.js';
import type { ReturnStatus } from '../lifecycle.js';
import type { Channel } from '../return-case.js';

/**
 * The state of the shipping box as it arrives. A damaged box points at the carrier (a claim with the
 * carrier, not a restocking fee on the buyer); an opened or resealed one is a first sign of a swap.
 */
export const outerBoxStates = ['intact', 'damaged', 'opened_resealed'] as const;
export type OuterBoxState = (typeof outerBoxStates)[number];

export function parseOuterBox(value: string): OuterBoxState {
  if ((outerBoxStates as readonly string[]).includes(value)) return value as OuterBoxState;
  throw new DomainError('invalid_input', `"${value}" is not a state of the outer box. Use one of: ${outerBoxStates.join(', ')}.`, { outerBox: value, allowed: outerBoxStates });
}

// Seller-fulfilled states in which the parcel is still on its way: receiving it moves the case to
// `received`, which starts the refund clock.
const awaitingParcel: readonly ReturnStatus[] = ['requested', 'authorized', 'in_transit'];

/**
 * The case's state after its parcel is received. A seller-fulfilled case on its way moves to
 * `received`. One Amazon already refunded at the first carrier scan (reference §4.2) stays `refunded`:
 * the parcel is recorded (and can be inspected for a SAFE-T claim), but no refund is due again. An FBA
 * case keeps its state, since the unit reaches the seller only through a removal order (scanned by its
 * license plate) and Amazon's report stays the source of the FBA states. A case already received, or
 * one that ended without a return, is a `conflict` naming its state.
 */
export function statusAfterReceipt(channel: Channel, status: ReturnStatus): ReturnStatus {
  if (channel === 'FBA' || status === 'refunded') return status;
  if (awaitingParcel.includes(status)) return transition(status, 'received');
  const why = status === 'received' || status === 'inspected'
    ? 'its parcel was already received'
    : 'it ended without a parcel to receive';
  throw new DomainError('conflict', `The case is "${status}": ${why}.`, { status });
}
