import { DomainError } from '../errors.js';
import { multiplyMinor, percentOf } from '../money.js';
import { conditionGrades } from '../policy/policy.js';
import type { ConditionGrade, GradeProbabilities, Policy } from '../policy/policy.js';
import { amazonNumberAt, priceByWeight } from '../policy/policy-lookups.js';
import type { DecisionInput, LossComponent } from './decision.js';
import type { LearnedOdds } from './learning.js';
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

/**
 * `multiplyMinor(amountMinor, factor)`, exactly, without its decimal-text parsing when the factor is a
 * whole number of 1/10,000 (every probability here is, see asOdds): the factor then prints as that
 * decimal (under 15 significant digits), and `percentOf` gives the same exact rounding of the same
 * fraction. Anything else goes to multiplyMinor. Measured by `npm run bench:decide`: multiplyMinor's
 * `String(factor)` was a quarter of a decision's time (see the bench:decide section of bench/RESULTS.md).
 */
function times(amountMinor: number, factor: number): number {
  const tenThousandths = Math.round(factor * 10_000);
  return tenThousandths / 10_000 === factor && Math.abs(tenThousandths) < 1e15
    ? percentOf(amountMinor, tenThousandths)
    : multiplyMinor(amountMinor, factor);
}

/**
 * Odds are priced to 1/10,000: learned probabilities have long binary fractions that would push the
 * exact money arithmetic onto its BigInt path, and no amount moves by more than a rounding.
 */
export function asOdds(probability: number): number {
  return Math.round(probability * 10_000) / 10_000;
}

const recoveryTexts = conditionGrades.map((grade) => ({ grade, id: `recovery_${grade}`, label: `Resale if graded ${grade}` }));

/** Expected resale of the returned units, one negative component per grade with a non-zero chance. */
function recoveryComponents(input: DecisionInput, policy: Policy, grades: GradeProbabilities): LossComponent[] {
  const gross = grossRefundMinor(input);
  const components: LossComponent[] = [];
  for (const { grade, id, label } of recoveryTexts) {
    const probability = asOdds(grades[grade] ?? 0);
    const resale = percentOf(gross, policy.resaleValueByGradeBps[grade]);
    if (probability === 0 || resale === 0) continue;
    components.push({ id, label, amountMinor: -times(resale, probability), probability });
  }
  return components;
}

/** The ids of the restocking-fee components of the authorize option. */
export const restockingFeeIds: readonly string[] = ['restocking_fee_used', 'restocking_fee_late'];

// Grades that show use or damage: Amazon lets the seller deduct up to its "used or damaged" cap (§4.5).
// Like-new units show no use, so no fee is expected on them.
const usedGrades: readonly ConditionGrade[] = ['very_good', 'good', 'acceptable', 'unsellable'];

/**
 * The restocking fee the seller can expect to keep: only when the buyer is at fault, at the caps in
 * force on the decision day times the share of the cap the seller charges. Used or damaged units bear
 * the "used or damaged" cap; an unused unit returned outside the policy bears the "late" cap.
 */
function restockingFeeComponents(input: DecisionInput, policy: Policy, grades: GradeProbabilities): LossComponent[] {
  const caps = amazonNumberAt(policy.restockingFeeCaps, input.nowIso);
  const share = policy.decisionPriors.restockingFeeChargeShare;
  if (input.reason.fault !== 'buyer' || caps === undefined || share === 0) return [];
  const gross = grossRefundMinor(input);
  const used = asOdds(usedGrades.reduce((sum, grade) => sum + (grades[grade] ?? 0), 0));
  const lateUnused = input.inPolicy === false ? asOdds(grades.new ?? 0) : 0;
  const fee = (bps: number, probability: number): number => times(times(percentOf(gross, bps), share), probability);
  const components: LossComponent[] = [];
  if (used > 0 && caps.usedOrDamagedNotSellerFaultBps > 0) {
    components.push({ id: restockingFeeIds[0]!, label: `Restocking fee on a used or damaged unit (cap ${caps.usedOrDamagedNotSellerFaultBps / 100}%)`, amountMinor: -fee(caps.usedOrDamagedNotSellerFaultBps, used), probability: used });
  }
  if (lateUnused > 0 && caps.lateOriginalConditionBps > 0) {
    components.push({ id: restockingFeeIds[1]!, label: `Restocking fee on an unused unit returned late (cap ${caps.lateOriginalConditionBps / 100}%)`, amountMinor: -fee(caps.lateOriginalConditionBps, lateUnused), probability: lateUnused });
  }
  return components;
}

/**
 * Authorize with a label: full refund, label when the seller pays it, handling, minus the expected
 * resale and the expected restocking fee.
 */
export function authorizeComponents(input: DecisionInput, policy: Policy, odds: LearnedOdds): LossComponent[] {
  const handling = inCurrency(forMarketplace(policy.handlingCostPerUnit, input, 'handling cost'), input, 'handling cost');
  const grades = odds.grades.probabilities;
  return [
    { id: 'refund', label: 'Full refund', amountMinor: grossRefundMinor(input) },
    labelComponent(input, policy),
    { id: 'handling', label: 'Handling (receive, inspect, restock)', amountMinor: handling * input.quantity },
    ...recoveryComponents(input, policy, grades),
    ...restockingFeeComponents(input, policy, grades),
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
export function saveOfferComponents(input: DecisionInput, policy: Policy, odds: LearnedOdds, step: number, authorizeLossMinor: number): LossComponent[] {
  const bps = policy.saveOfferLadderBps[step];
  const learned = odds.saveOfferAcceptance[step];
  if (bps === undefined || learned === undefined) {
    throw new DomainError('invalid_input', `Save-offer step ${step + 1} has no acceptance prior: give one prior per ladder step.`, { step });
  }
  const accept = asOdds(learned.probability);
  const decline = asOdds(1 - accept);
  const risk = inCurrency(forMarketplace(policy.accountHealthRisk, input, 'account-health risk').lateAnswer, input, 'late-answer risk');
  const lateProbability = asOdds(decline * policy.decisionPriors.declinedOfferLateShare);
  return [
    { id: 'save_discount', label: `Partial refund of ${bps / 100}% if accepted`, amountMinor: times(percentOf(grossRefundMinor(input), bps), accept), probability: accept },
    { id: 'declined_authorize', label: 'Authorize the return if declined', amountMinor: times(authorizeLossMinor, decline), probability: decline },
    { id: 'account_health_late_answer', label: 'Late answer after a declined offer', amountMinor: times(risk, lateProbability), probability: lateProbability },
  ];
}

/** Close an out-of-policy request: no refund now, but an expected A-to-z claim refund and its account-health cost. */
export function closeComponents(input: DecisionInput, policy: Policy): LossComponent[] {
  const risk = inCurrency(forMarketplace(policy.accountHealthRisk, input, 'account-health risk').atozClaim, input, 'A-to-z claim risk');
  const p = policy.decisionPriors.closeAtozClaimProbability;
  return [
    { id: 'atoz_refund', label: 'Refund granted by an A-to-z claim', amountMinor: times(grossRefundMinor(input), p), probability: p },
    { id: 'account_health_atoz', label: 'Account health: A-to-z claim', amountMinor: times(risk, p), probability: p },
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
