import type { Policy } from '../policy/policy.js';
import type { Fault } from '../reasons.js';
import type { DecisionAction, DecisionInput } from './decision.js';
import { forMarketplace, inCurrency } from './policy-values.js';

/** Guardrail rule ids, each with why it exists (seed article steps 1–3, issue 3 "Decision"). */
export const guardrailRules = {
  /** Refusing or stalling a seller-fault return brings bad reviews and A-to-z claims (article step 3). */
  sellerFaultNeverRefused: 'seller-fault-never-refused',
  /** Amazon only lets a seller close a request that is outside the return policy. */
  closeOnlyOutOfPolicy: 'close-only-out-of-policy',
  /** A serial returner is a case for a person, not for an automatic refund. */
  abuseSerialReturner: 'abuse-serial-returner',
  /** A high-value unit claimed as "wrong item sent" is a classic swap; a person checks it first. */
  abuseHighValueWrongItem: 'abuse-high-value-wrong-item',
  /** Returnless refunds follow the seller's returnless rules (Amazon's rule form, reference §4.4). */
  returnlessNeedsMatchingRule: 'returnless-needs-matching-rule',
  /** A buyer who declined an offer is not offered the same or less again: it only delays the answer. */
  saveOfferDeclined: 'save-offer-declined',
  /** Escalating costs a person's time; it is for suspected abuse only. */
  escalateOnlyOnSuspicion: 'escalate-only-on-suspicion',
} as const;
export type GuardrailRule = (typeof guardrailRules)[keyof typeof guardrailRules];

// Parties other than the buyer: the seller shipped it, or carrier/Amazon damaged or lost it. The buyer is
// entitled to the return either way. 'unknown' is not here: a size complaint is not proven seller fault.
const notBuyerFaults: ReadonlySet<Fault> = new Set(['seller', 'carrier', 'amazon']);

/** Whether the reason puts the fault on the seller's side (seller, carrier or Amazon). */
export function isSellerSideFault(fault: Fault): boolean {
  return notBuyerFaults.has(fault);
}

/** The abuse rules that fire for a request (empty when nothing is suspicious); thresholds from the policy. */
export function suspectedAbuse(input: DecisionInput, policy: Policy): GuardrailRule[] {
  const fired: GuardrailRule[] = [];
  const priors = policy.decisionPriors;
  if ((input.buyerReturnsLast90Days ?? 0) >= priors.serialReturnerReturns90Days) fired.push(guardrailRules.abuseSerialReturner);
  const highValue = inCurrency(forMarketplace(priors.highValueWrongItem, input, 'high-value threshold'), input, 'high-value threshold');
  if (input.reason.category === 'wrong_item_sent' && input.unitPriceMinor > highValue) {
    fired.push(guardrailRules.abuseHighValueWrongItem);
  }
  return fired;
}

/** Whether one of the policy's returnless rules covers the request (marketplace, price range, category, reason). */
export function matchesReturnlessRule(input: DecisionInput, policy: Policy): boolean {
  return policy.returnlessRules.some((rule) =>
    rule.marketplace === input.marketplaceCode
    && rule.minPrice.currency === input.currency && rule.maxPrice.currency === input.currency
    && input.unitPriceMinor >= rule.minPrice.amountMinor && input.unitPriceMinor <= rule.maxPrice.amountMinor
    && (rule.categories === undefined || (input.productCategory !== undefined && rule.categories.includes(input.productCategory)))
    && (rule.reasonCategories === undefined || (input.reason.category !== null && rule.reasonCategories.includes(input.reason.category))));
}

/** The guardrails of one request: which rule ids block which action. */
export interface GuardrailVerdict {
  readonly abuse: readonly GuardrailRule[];
  /** `step` is the save-offer ladder step (0-based), for `save_offer` only. */
  blockersOf(action: DecisionAction, step?: number): GuardrailRule[];
}

// A class rather than a closure per request, and no spreads: building the closure and copying the
// abuse list were 5% of a decision (npm run bench:decide).
class Verdict implements GuardrailVerdict {
  constructor(
    readonly abuse: readonly GuardrailRule[],
    private readonly sellerSide: boolean,
    private readonly inPolicy: boolean | null,
    private readonly returnlessMatches: boolean,
    private readonly declined: number,
  ) {}

  blockersOf(action: DecisionAction, step?: number): GuardrailRule[] {
    if (action === 'escalate') return this.abuse.length > 0 ? [] : [guardrailRules.escalateOnlyOnSuspicion];
    const blocked: GuardrailRule[] = this.abuse.slice();
    if (this.sellerSide && (action === 'save_offer' || action === 'close_out_of_policy')) blocked.push(guardrailRules.sellerFaultNeverRefused);
    if (action === 'close_out_of_policy' && this.inPolicy !== false) blocked.push(guardrailRules.closeOnlyOutOfPolicy);
    if (action === 'returnless_refund' && !this.returnlessMatches) blocked.push(guardrailRules.returnlessNeedsMatchingRule);
    if (action === 'save_offer' && (step ?? 0) <= this.declined) blocked.push(guardrailRules.saveOfferDeclined);
    return blocked;
  }
}

/** Evaluates every guardrail once for a request. */
export function evaluateGuardrails(input: DecisionInput, policy: Policy): GuardrailVerdict {
  const abuse = suspectedAbuse(input, policy);
  const sellerSide = isSellerSideFault(input.reason.fault);
  const returnlessMatches = matchesReturnlessRule(input, policy);
  let declined = -1;
  for (const step of input.declinedOfferSteps ?? []) declined = Math.max(declined, step);
  return new Verdict(abuse, sellerSide, input.inPolicy, returnlessMatches, declined);
}
