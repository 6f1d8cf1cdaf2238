import { DomainError } from '../errors.js';
import type { Policy } from '../policy/policy.js';
import type { Decision, DecisionAction, DecisionInput, DecisionOption, LossComponent } from './decision.js';
import { explainDecision } from './explanation.js';
import { evaluateGuardrails, guardrailRules } from './guardrails.js';
import type { GuardrailVerdict } from './guardrails.js';
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

function optionOf(action: DecisionAction, components: LossComponent[], verdict: GuardrailVerdict, step?: number): DecisionOption {
  const blockedBy = verdict.blockersOf(action);
  return {
    action, ...(step === undefined ? {} : { step }), allowed: blockedBy.length === 0, blockedBy,
    expectedLossMinor: sumComponents(components), components,
  };
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

/** Every option for a request, in a stable order: authorize, returnless, save offers by step, close, escalate. */
export function buildOptions(input: DecisionInput, policy: Policy, verdict: GuardrailVerdict): DecisionOption[] {
  const authorize = authorizeComponents(input, policy);
  const authorizeLoss = sumComponents(authorize);
  const saves = policy.saveOfferLadderBps.map((_, step) =>
    optionOf('save_offer', saveOfferComponents(input, policy, step, authorizeLoss), verdict, step));
  return [
    optionOf('authorize_return', authorize, verdict),
    optionOf('returnless_refund', returnlessComponents(input), verdict),
    ...saves,
    optionOf('close_out_of_policy', closeComponents(input, policy), verdict),
    optionOf('escalate', escalateComponents(authorize), verdict),
  ];
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
  const verdict = evaluateGuardrails(input, policy);
  const options = buildOptions(input, policy, verdict);
  let recommended: DecisionOption | undefined;
  for (const option of options) {
    if (option.allowed && (recommended === undefined || isPreferred(option, recommended))) recommended = option;
  }
  // Authorize is blocked only by abuse, and then escalate is allowed: some option is always allowed.
  if (recommended === undefined) throw new DomainError('conflict', 'No option is allowed for this request.', {});
  const fired = new Set(options.flatMap((option) => option.blockedBy));
  const firedRules = Object.values(guardrailRules).filter((id) => fired.has(id));
  return {
    currency: input.currency, recommended, options, firedRules,
    explanation: explainDecision(recommended, firedRules, input.currency),
    nowIso: input.nowIso, requestedAtIso: input.requestedAtIso,
  };
}
