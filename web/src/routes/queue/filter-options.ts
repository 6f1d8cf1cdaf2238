import type { DecisionAction, QueueFilters, Urgency } from '../../api/queue.js';
import { everyOf } from '../../every-of.js';

// The values each queue filter takes, as runtime lists for the pickers, each checked by the compiler
// against the server's type.

export const marketplaceOptions = everyOf<NonNullable<QueueFilters['marketplace']>>()(
  ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'JP', 'AU', 'AE', 'SG', 'IN'],
);

export const reasonOptions = everyOf<NonNullable<QueueFilters['reason']>>()([
  'size_fit', 'changed_mind', 'better_price', 'ordered_wrong_item', 'defective_quality', 'not_as_described',
  'missing_parts', 'wrong_item_sent', 'damaged_in_transit', 'damaged_in_warehouse', 'late_delivery',
  'unauthorized_purchase', 'undeliverable', 'compatibility', 'other',
]);

export const faultOptions = everyOf<NonNullable<QueueFilters['fault']>>()(['buyer', 'seller', 'carrier', 'amazon', 'unknown']);

export const statusOptions = everyOf<NonNullable<QueueFilters['status']>>()(['requested', 'received', 'inspected']);

/** Most urgent first, as the queue orders them (docs/api/queue.md). */
export const urgencyOrder = everyOf<Urgency>()(['overdue', 'within_4_hours', 'today', 'later', 'no_deadline']);

export const actionOptions = everyOf<DecisionAction>()(['save_offer', 'authorize_return', 'returnless_refund', 'close_out_of_policy', 'escalate']);
