import { DomainError } from '../errors.js';
import type { Policy } from '../policy/policy.js';
import type { ReasonCategory } from '../reasons.js';
import type { Decision, DecisionAction, DecisionInput, DecisionOption, LossComponent } from './decision.js';
import { lazyExplanation } from './explanation.js';
import { evaluateGuardrails, guardrailRules } from './guardrails.js';
import type { GuardrailVerdict } from './guardrails.js';
import { gradePriorFor } from '../policy/policy-lookups.js';
import { priorOdds } from './learning.js';
import type { LearnedOdds } from './learning.js';
import {
  authorizeComponents, closeComponents, escalateComponents, returnlessComponents, saveOfferComponents, sumComponents,
} from './options.js';

function requireInput(input: DecisionInput): void {
  if (!Number.isSafeInteger(input.unitPriceMinor) || input.unitPriceMinor < 0) {
    throw new DomainError('invalid_input', `The unit price ${input.unitPriceMinor} is not a whole, non-negative number of minor units.`, { unitPriceMinor: input.unitPriceMinor });
  }
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) {
    throw new DomainError('invalid_input', `The quantity ${input.quantity} is not a whole number of at least 1.`, { quantity: input.quantity });
  }
}

// Two literals rather than a spread of `{ step }`, with the same keys in the same order: the spread
// was 12% of a decision (npm run bench:decide).
function optionOf(action: DecisionAction, components: LossComponent[], verdict: GuardrailVerdict, step?: number): DecisionOption {
  const blockedBy = verdict.blockersOf(action, step);
  const expectedLossMinor = sumComponents(components);
  return step === undefined
    ? { action, allowed: blockedBy.length === 0, blockedBy, expectedLossMinor, components }
    : { action, step, allowed: blockedBy.length === 0, blockedBy, expectedLossMinor, components };
}

// Ties go to the action that settles the request soonest and most plainly (article step 3: authorize promptly).
const tieOrder: Readonly<Record<DecisionAction, number>> = {
  authorize_return: 0, returnless_refund: 1, save_offer: 2, close_out_of_policy: 3, escalate: 4,
};

function isPreferred(a: DecisionOption, b: DecisionOption): boolean {
  if (a.expectedLossMinor !== b.expectedLossMinor) return a.expectedLossMinor < b.expectedLossMinor;
  if (a.action !== b.action) return tieOrder[a.action] < tieOrder[b.action];
  return (a.step ?? 0) < (b.step ?? 0);
}

const allRules: readonly string[] = Object.values(guardrailRules);

// The priors' odds depend only on the policy and the two categories: built once per policy and pair
// instead of per decision (they were 12% of a decision, npm run bench:decide). Policies are read-only.
const priorOddsCache = new WeakMap<Policy, Map<string, LearnedOdds>>();

function cachedPriorOdds(policy: Policy, productCategory: string | null, reasonCategory: ReasonCategory | null): LearnedOdds {
  let byCategories = priorOddsCache.get(policy);
  if (byCategories === undefined) priorOddsCache.set(policy, byCategories = new Map());
  const key = `${productCategory ?? '\u0000'}\t${reasonCategory ?? '\u0000'}`;
  let odds = byCategories.get(key);
  if (odds === undefined) {
    odds = priorOdds({ saveOfferAcceptance: policy.saveOfferAcceptancePriors, grades: gradePriorFor(policy, productCategory, reasonCategory) });
    byCategories.set(key, odds);
  }
  return odds;
}

/** The learned odds given with the request, else the policy's priors for its product and reason category. */
export function oddsFor(input: DecisionInput, policy: Policy): LearnedOdds {
  const odds = input.odds ?? cachedPriorOdds(policy, input.productCategory ?? null, input.reason.category);
  if (odds.saveOfferAcceptance.length !== policy.saveOfferLadderBps.length) {
    throw new DomainError('invalid_input', `The odds give ${odds.saveOfferAcceptance.length} acceptance probabilities for a ladder of ${policy.saveOfferLadderBps.length} steps.`, { steps: policy.saveOfferLadderBps.length });
  }
  return odds;
}

/** Every option for a request, in a stable order: authorize, returnless, save offers by step, close, escalate. */
export function buildOptions(input: DecisionInput, policy: Policy, odds: LearnedOdds, verdict: GuardrailVerdict): DecisionOption[] {
  const authorize = authorizeComponents(input, policy, odds);
  const authorizeLoss = sumComponents(authorize);
  const options = [optionOf('authorize_return', authorize, verdict), optionOf('returnless_refund', returnlessComponents(input), verdict)];
  for (let step = 0; step < policy.saveOfferLadderBps.length; step++) {
    options.push(optionOf('save_offer', saveOfferComponents(input, policy, odds, step, authorizeLoss), verdict, step));
  }
  options.push(optionOf('close_out_of_policy', closeComponents(input, policy), verdict), optionOf('escalate', escalateComponents(authorize), verdict));
  return options;
}

/**
 * Decides one open MFN return request under a policy: every option with its expected loss (integer
 * minor units of `input.currency`, built from visible components) and the guardrails blocking it,
 * the cheapest allowed option as the recommendation (ties: authorize, returnless, then save offers by
 * smaller step), the rule ids that fired and a sentence in English and Chinese. Suspected abuse
 * blocks every option but `escalate`. A price or quantity that is not a whole number, or a policy
 * missing a number for the marketplace, is `invalid_input`.
 */
export function decideReturn(input: DecisionInput, policy: Policy): Decision {
  requireInput(input);
  const odds = oddsFor(input, policy);
  const verdict = evaluateGuardrails(input, policy);
  const options = buildOptions(input, policy, odds, verdict);
  let recommended: DecisionOption | undefined;
  for (const option of options) {
    if (option.allowed && (recommended === undefined || isPreferred(option, recommended))) recommended = option;
  }
  // Authorize is blocked only by abuse, and then escalate is allowed: some option is always allowed.
  if (recommended === undefined) throw new DomainError('conflict', 'No option is allowed for this request.', {});
  const fired: string[] = [];
  for (const option of options) for (const id of option.blockedBy) if (!fired.includes(id)) fired.push(id);
  const firedRules = allRules.filter((id) => fired.includes(id));
  return {
    currency: input.currency, recommended, options, firedRules, odds,
    explanation: lazyExplanation(recommended, firedRules, input.currency, odds),
    nowIso: input.nowIso, requestedAtIso: input.requestedAtIso,
  };
}
