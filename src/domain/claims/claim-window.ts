import type { ClaimWindow } from './claim.js';
import type { ReconcileContext } from './reconcile-context.js';
import { addCalendarDays } from '../deadlines/business-calendar.js';
import { formatInstant, parseInstant } from '../deadlines/instant.js';
import { findDeadlineRule } from '../deadlines/deadline-rules.js';
import { requireMarketplace } from '../marketplaces.js';

/**
 * The claim window of `ruleId` counted from the event at `fromIso`, with the rule in force at that
 * instant in the marketplace (so a refund before a rule change keeps the old window). Null when no
 * window rule covers the marketplace then, or when `fromIso` is null (the starting event is unknown):
 * the claim can still be filed, ReturnDesk just knows no deadline. Unknown marketplace: `invalid_input`.
 */
export function claimWindow(ruleId: ClaimWindow['ruleId'], marketplaceCode: string, fromIso: string | null, context: ReconcileContext): ClaimWindow | null {
  if (fromIso === null) return null;
  const from = formatInstant(parseInstant(fromIso));
  const rule = findDeadlineRule(context.rules, ruleId, requireMarketplace(marketplaceCode).code, from);
  if (!rule || rule.kind !== 'window') return null;
  // What computeDue gives for a window rule: both ends `addCalendarDays` from the event.
  return { ruleId, fromIso: from, opensAt: addCalendarDays(context.calendar, from, rule.opensAfterDays), closesAt: addCalendarDays(context.calendar, from, rule.closesAfterDays) };
}
