import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import type { PerMarketplace } from '../policy/policy.js';
import type { DecisionInput } from './decision.js';

// Reading the policy for one request: its marketplace's entry, in the request's currency.

/** The policy's entry for the request's marketplace; a marketplace the policy lacks is `invalid_input`. */
export function forMarketplace<T>(table: PerMarketplace<T>, input: DecisionInput, what: string): T {
  const value = table[input.marketplaceCode];
  if (value === undefined) {
    throw new DomainError('invalid_input', `The policy has no ${what} for marketplace ${input.marketplaceCode}: add one to the policy.`, { marketplace: input.marketplaceCode, what });
  }
  return value;
}

/** A policy amount in minor units, refused when it is not in the request's currency. */
export function inCurrency(money: Money, input: DecisionInput, what: string): number {
  if (money.currency !== input.currency) {
    throw new DomainError('invalid_input', `The policy's ${what} for ${input.marketplaceCode} is in ${money.currency}, the request in ${input.currency}: use one currency per marketplace.`, { what });
  }
  return money.amountMinor;
}
