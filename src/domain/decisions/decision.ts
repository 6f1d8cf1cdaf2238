import type { MarketplaceCode } from '../marketplaces.js';
import type { ReasonClassification } from '../reasons.js';
import type { LearnedOdds } from './learning.js';

/** What the decision engine needs about one open MFN return request. Money is integer minor units of `currency`. */
export interface DecisionInput {
  readonly marketplaceCode: MarketplaceCode;
  readonly currency: string;
  readonly reason: ReasonClassification;
  readonly unitPriceMinor: number;
  /** Carried for later use (disposition economics); the loss model works from price and resale value. */
  readonly unitCostMinor?: number;
  readonly quantity: number;
  readonly productCategory?: string;
  /** Shipping weight of the returned units; unknown weight prices the label at the table's lightest band. */
  readonly weightGrams?: number;
  /** Whether the request is inside the return window and policy; `null` when not known. */
  readonly inPolicy: boolean | null;
  /** Returns this buyer opened in the last 90 days (this one excluded); absent when not known. */
  readonly buyerReturnsLast90Days?: number;
  /** Save-offer steps (0-based) this buyer already declined for this request: never offered again. */
  readonly declinedOfferSteps?: readonly number[];
  /**
   * Acceptance and grade odds learned from the seller's outcomes (see learning.ts); absent means the
   * policy priors. Must have one acceptance per ladder step.
   */
  readonly odds?: LearnedOdds;
  /** When the decision is made: picks the Amazon numbers (restocking-fee caps) in force. */
  readonly nowIso: string;
  readonly requestedAtIso: string;
}

export const decisionActions = ['save_offer', 'authorize_return', 'returnless_refund', 'close_out_of_policy', 'escalate'] as const;
export type DecisionAction = (typeof decisionActions)[number];

/** One visible piece of an option's expected loss; positive is a cost, negative a recovery. */
export interface LossComponent {
  readonly id: string;
  readonly label: string;
  readonly amountMinor: number;
  /** The probability the amount was weighted by, when it is an expectation. */
  readonly probability?: number;
}

export interface DecisionOption {
  readonly action: DecisionAction;
  /** Index into the policy's save-offer ladder (0 = first, smallest offer); only for `save_offer`. */
  readonly step?: number;
  readonly allowed: boolean;
  /** Guardrail rule ids that block this option; empty when allowed. */
  readonly blockedBy: readonly string[];
  /** Exactly the sum of `components`. */
  readonly expectedLossMinor: number;
  readonly components: readonly LossComponent[];
}

export interface Decision {
  readonly currency: string;
  readonly recommended: DecisionOption;
  readonly options: readonly DecisionOption[];
  /** Every guardrail rule id that fired for this request, in the order of `guardrailRules`. */
  readonly firedRules: readonly string[];
  /** The odds the options were priced with, and whether each came from the seller's data or a prior. */
  readonly odds: LearnedOdds;
  readonly explanation: { readonly en: string; readonly zh: string };
  readonly nowIso: string;
  readonly requestedAtIso: string;
}
