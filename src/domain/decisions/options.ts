import { DomainError } from '../errors.js';
import { multiplyMinor, percentOf } from '../money.js';
import { conditionGrades } from '../policy/policy.js';
import type { Policy } from '../policy/policy.js';
import { gradePriorFor, priceByWeight } from '../policy/policy-lookups.js';
import type { DecisionInput, LossComponent } from './decision.js';
import { forMarketplace, inCurrency } from './policy-values.js';

/** The full refund of the request: unit price × quantity. */
export function grossRefundMinor(input: DecisionInput): number {
  return input.unitPriceMinor * input.quantity;
}

/** The label the seller pays (0 when the policy puts it on the buyer for this fault), priced by weight. */
function labelComponent(input: DecisionInput, policy: Policy): LossComponent {
  if (policy.labelPaidBy[input.reason.fault] === 'buyer') {
    return { id: 'return_label', label: 'Return label (paid by the buyer)', amountMinor: 0 };
  }
  const table = forMarketplace(policy.labelCostEstimates, input, 'return label estimate');
  const perParcel = priceByWeight(table.tiers, input.weightGrams ?? 0);
  if (perParcel === undefined) {
    throw new DomainError('invalid_input', `The label table for ${input.marketplaceCode} has no band for ${input.weightGrams} g: add an open-ended band.`, { weightGrams: input.weightGrams });
  }
  inCurrency({ amountMinor: perParcel, currency: table.currency }, input, 'return label estimate');
  return { id: 'return_label', label: 'Return label (paid by the seller)', amountMinor: perParcel };
}

/** Expected resale of the returned units, one negative component per grade with a non-zero chance. */
function recoveryComponents(input: DecisionInput, policy: Policy): LossComponent[] {
  const prior = gradePriorFor(policy, input.productCategory ?? null, input.reason.category);
  const gross = grossRefundMinor(input);
  return conditionGrades.flatMap((grade) => {
    const probability = prior[grade] ?? 0;
    const resale = percentOf(gross, policy.resaleValueByGradeBps[grade]);
    if (probability === 0 || resale === 0) return [];
    return [{ id: `recovery_${grade}`, label: `Resale if graded ${grade}`, amountMinor: -multiplyMinor(resale, probability), probability }];
  });
}

/** Authorize with a label: full refund, label when the seller pays it, handling, minus the expected resale. */
export function authorizeComponents(input: DecisionInput, policy: Policy): LossComponent[] {
  const handling = inCurrency(forMarketplace(policy.handlingCostPerUnit, input, 'handling cost'), input, 'handling cost');
  return [
    { id: 'refund', label: 'Full refund', amountMinor: grossRefundMinor(input) },
    labelComponent(input, policy),
    { id: 'handling', label: 'Handling (receive, inspect, restock)', amountMinor: handling * input.quantity },
    ...recoveryComponents(input, policy),
  ];
}

/** Refund without a return: the refund is the whole loss; no label, no handling, nothing to resell. */
export function returnlessComponents(input: DecisionInput): LossComponent[] {
  return [{ id: 'refund', label: 'Full refund, the buyer keeps the item', amountMinor: grossRefundMinor(input) }];
}

/**
 * One save-offer step: P(accept) × the discount, plus (1 − P(accept)) × the cost of authorizing,
 * plus the account-health risk of answering late after a declined offer.
 */
export function saveOfferComponents(input: DecisionInput, policy: Policy, step: number, authorizeLossMinor: number): LossComponent[] {
  const bps = policy.saveOfferLadderBps[step];
  const accept = policy.saveOfferAcceptancePriors[step];
  if (bps === undefined || accept === undefined) {
    throw new DomainError('invalid_input', `Save-offer step ${step + 1} has no acceptance prior: give one prior per ladder step.`, { step });
  }
  const decline = 1 - accept;
  const risk = inCurrency(forMarketplace(policy.accountHealthRisk, input, 'account-health risk').lateAnswer, input, 'late-answer risk');
  const lateProbability = decline * policy.decisionPriors.declinedOfferLateShare;
  return [
    { id: 'save_discount', label: `Partial refund of ${bps / 100}% if accepted`, amountMinor: multiplyMinor(percentOf(grossRefundMinor(input), bps), accept), probability: accept },
    { id: 'declined_authorize', label: 'Authorize the return if declined', amountMinor: multiplyMinor(authorizeLossMinor, decline), probability: decline },
    { id: 'account_health_late_answer', label: 'Late answer after a declined offer', amountMinor: multiplyMinor(risk, lateProbability), probability: lateProbability },
  ];
}

/** Close an out-of-policy request: no refund now, but an expected A-to-z claim refund and its account-health cost. */
export function closeComponents(input: DecisionInput, policy: Policy): LossComponent[] {
  const risk = inCurrency(forMarketplace(policy.accountHealthRisk, input, 'account-health risk').atozClaim, input, 'A-to-z claim risk');
  const p = policy.decisionPriors.closeAtozClaimProbability;
  return [
    { id: 'atoz_refund', label: 'Refund granted by an A-to-z claim', amountMinor: multiplyMinor(grossRefundMinor(input), p), probability: p },
    { id: 'account_health_atoz', label: 'Account health: A-to-z claim', amountMinor: multiplyMinor(risk, p), probability: p },
  ];
}

/** Escalate to a person: priced as the authorization a person is most likely to end with. */
export function escalateComponents(authorize: readonly LossComponent[]): LossComponent[] {
  return [...authorize];
}

/** The exact sum of the components, so an option's total always equals what it shows. */
export function sumComponents(components: readonly LossComponent[]): number {
  return components.reduce((total, component) => total + component.amountMinor, 0);
}
