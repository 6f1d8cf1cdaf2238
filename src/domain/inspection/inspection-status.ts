import { transition } from '../lifecycle.js';
import type { ReturnStatus } from '../lifecycle.js';
import type { Channel } from '../return-case.js';

/**
 * The case's state after its unit is inspected. A seller-fulfilled case moves from received to
 * inspected. One Amazon refunded at the first scan stays refunded (the inspection is evidence for a
 * SAFE-T claim, not a step towards a refund); an FBA unit back from a removal order keeps Amazon's state.
 */
export function statusAfterInspection(channel: Channel, status: ReturnStatus): ReturnStatus {
  if (channel === 'FBA' || status !== 'received') return status;
  return transition(status, 'inspected');
}
