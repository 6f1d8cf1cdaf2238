import { defaultDeadlineRules } from '../deadlines/deadline-rules.js';
import type { DeadlineRule } from '../deadlines/deadline-rules.js';
import type { ReasonCategory } from '../reasons.js';
import type { AmazonNumber, GradeProbabilities, Policy, WeightTier } from './policy.js';

/**
 * The entry in force on `isoDate` (`YYYY-MM-DD` or a full ISO-8601 instant; only its date counts):
 * the one with the latest `effectiveFrom` on or before that date whose `effectiveTo` (exclusive) has
 * not passed. `undefined` when the date is before every entry or after the last one ended.
 */
export function amazonNumberAt<T extends AmazonNumber>(entries: readonly T[], isoDate: string): T | undefined {
  const date = isoDate.slice(0, 10);
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.effectiveFrom > date) continue;
    if (entry.effectiveTo !== undefined && entry.effectiveTo <= date) continue;
    if (!found || entry.effectiveFrom > found.effectiveFrom) found = entry;
  }
  return found;
}

/**
 * The price of a unit of `grams` in a weight table: the first tier whose `maxGrams` covers it, plus
 * `extraMinorPerStep` per started `stepGrams` above the previous tier. `undefined` when the unit is
 * heavier than a table without an open-ended tier, or the weight is negative or not a number.
 */
export function priceByWeight(tiers: readonly WeightTier[], grams: number): number | undefined {
  if (!Number.isFinite(grams) || grams < 0) return undefined;
  let floor = 0;
  for (const tier of tiers) {
    if (tier.maxGrams === null || grams <= tier.maxGrams) {
      const steps = tier.stepGrams ? Math.ceil(Math.max(grams - floor, 0) / tier.stepGrams) : 0;
      return tier.amountMinor + steps * (tier.extraMinorPerStep ?? 0);
    }
    floor = tier.maxGrams;
  }
  return undefined;
}

/**
 * The grade prior for a case: an entry naming both the product and the reason category wins, then
 * one naming only the reason, then only the product category, then the policy's `default`.
 */
export function gradePriorFor(policy: Policy, productCategory: string | null, reasonCategory: ReasonCategory | null): GradeProbabilities {
  const { entries } = policy.gradePriors;
  const matches = (product: string | undefined, reason: ReasonCategory | undefined) =>
    entries.find((e) => e.productCategory === product && e.reasonCategory === reason);
  const product = productCategory ?? undefined;
  const reason = reasonCategory ?? undefined;
  return (product !== undefined && reason !== undefined ? matches(product, reason) : undefined)?.probabilities
    ?? (reason !== undefined ? matches(undefined, reason) : undefined)?.probabilities
    ?? (product !== undefined ? matches(product, undefined) : undefined)?.probabilities
    ?? policy.gradePriors.default;
}

/**
 * The deadline rules under a policy: Amazon's rules (`rules`, by default those of deadline-rules.ts)
 * with the policy's overrides applied. An override only ever shortens a clock, never lengthens it.
 */
export function deadlineRulesFor(policy: Policy, rules: readonly DeadlineRule[] = defaultDeadlineRules): DeadlineRule[] {
  const { manualAuthorizationHours, rdrResponseHours, refundBusinessDays } = policy.deadlines;
  return rules.map((rule) => {
    if (rule.kind === 'calendar-hours' && rule.id === 'manual-authorization' && manualAuthorizationHours !== undefined) {
      return { ...rule, hours: Math.min(rule.hours, manualAuthorizationHours) };
    }
    if (rule.kind === 'calendar-hours' && rule.id === 'rdr-response' && rdrResponseHours !== undefined) {
      return { ...rule, hours: Math.min(rule.hours, rdrResponseHours) };
    }
    if (rule.kind === 'business-days' && rule.id === 'refund-after-receipt' && refundBusinessDays !== undefined) {
      return { ...rule, days: Math.min(rule.days, refundBusinessDays) };
    }
    return rule;
  });
}
