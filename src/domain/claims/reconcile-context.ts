import type { ClaimsPolicy } from './claims-policy.js';
import type { BusinessCalendar } from '../deadlines/business-calendar.js';
import type { DeadlineRule } from '../deadlines/deadline-rules.js';

/** What the reconciliation needs besides the facts: Amazon's windows, the marketplace calendar, thresholds, and now. */
export interface ReconcileContext {
  /** Deadline rules; the claim windows are `fba-reimbursement-claim` and `safet-filing`. */
  readonly rules: readonly DeadlineRule[];
  /** The marketplace's calendar (the services build it; windows count local calendar days). */
  readonly calendar: BusinessCalendar;
  readonly policy: ClaimsPolicy;
  /** The instant of the reconciliation (UTC ISO-8601): only to tell whether an MFN return is overdue. */
  readonly nowIso: string;
}
