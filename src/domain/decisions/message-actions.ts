import type { MessageAction } from '../messages/templates/actions.js';
import type { DecisionAction } from './decision.js';

/**
 * The buyer message that carries out a recommended action; null when the action is not done by a
 * message (closing an out-of-policy request is done in Seller Central with a reason).
 */
export const messageForAction: Readonly<Record<DecisionAction, MessageAction | null>> = {
  save_offer: 'save_offer', authorize_return: 'authorize_return', returnless_refund: 'returnless_refund',
  close_out_of_policy: null,
  // A person checks a suspected swap or serial returner; asking what went wrong (and for a photo) comes first.
  escalate: 'request_information',
};
