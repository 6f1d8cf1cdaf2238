import { learnOdds } from '../domain/decisions/learning.js';
import type { LearnedOdds } from '../domain/decisions/learning.js';
import type { DecisionInput } from '../domain/decisions/decision.js';
import type { BusinessCalendar } from '../domain/deadlines/business-calendar.js';
import type { DeadlineRule } from '../domain/deadlines/deadline-rules.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { Marketplace } from '../domain/marketplaces.js';
import { unitPriceOf as priceFromSources } from '../domain/decisions/unit-price.js';
import type { Policy } from '../domain/policy/policy.js';
import { deadlineRulesFor, gradePriorFor } from '../domain/policy/policy-lookups.js';
import type { CaseFacts } from '../storage/decision-facts-repository.js';
import { countOutcomes } from '../storage/outcome-repository.js';
import { calendarFor, yearsAround } from './business-calendar.js';
import { historyFor, indexOutcomes } from './outcome-history.js';
import type { HistoryKey, OutcomeIndex } from './outcome-history.js';
import type { ReasonCategory } from '../domain/reasons.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

/** Everything a run of decisions shares: the policy, the seller's outcome history, deadline rules and calendars. */
export interface DecisionContext {
  readonly accountId: number;
  readonly policy: Policy;
  /** The version in force (0 = built-in default), or null for a policy read from a file (backtest). */
  readonly policyVersion: number | null;
  readonly outcomes: OutcomeIndex;
  readonly deadlineRules: readonly DeadlineRule[];
  readonly calendars: Map<string, BusinessCalendar>;
  /**
   * Learned odds by SKU, reason category and product category: outcomes do not change during one
   * command, and learning them anew for each of a million backtested cases was a tenth of the
   * backtest's time.
   */
  readonly odds: Map<string, Map<string | null, Map<string | null, LearnedOdds>>>;
}

/** Loads the account's policy in force (or `policy`, for a backtest) and its outcome counts. */
export async function loadDecisionContext(database: Database, accountId: number, policy?: Policy): Promise<DecisionContext> {
  const inForce = policy === undefined ? await showPolicy(database, accountId) : undefined;
  const chosen = policy ?? inForce!.policy;
  return {
    accountId, policy: chosen, policyVersion: inForce?.version ?? null,
    outcomes: indexOutcomes(await countOutcomes(database.db, accountId)),
    deadlineRules: deadlineRulesFor(chosen), calendars: new Map(), odds: new Map(),
  };
}

/** The marketplace's business calendar with the public holidays of the years around `atIso`, cached per run. */
export function calendarAt(context: DecisionContext, marketplace: Marketplace, atIso: string): BusinessCalendar {
  const years = yearsAround(atIso);
  const key = `${marketplace.code}|${years[0]}`;
  let calendar = context.calendars.get(key);
  if (!calendar) {
    calendar = calendarFor(marketplace, years);
    context.calendars.set(key, calendar);
  }
  return calendar;
}

/** The unit price of a case from its report row and product sheet entry (rule: domain/decisions/unit-price.ts). */
export function unitPriceOf(facts: CaseFacts, currency: string): number {
  const { mfn, product, returnCase } = facts;
  return priceFromSources({
    caseId: returnCase.id, sku: returnCase.sku, quantity: returnCase.quantity,
    order: { amountMinor: mfn.orderAmountMinor, quantity: mfn.orderQuantity, currency: mfn.currency },
    sheet: product === null ? null : { priceMinor: product.priceMinor, currency: product.currency },
  }, currency);
}

/** The odds a case is priced with: the policy priors for its categories, learned from the seller's outcomes; cached per run. */
function learnedOddsOf(context: DecisionContext, key: HistoryKey): LearnedOdds {
  // Nested maps rather than one map keyed by the joined text: joining and hashing a fresh key per
  // case was a tenth of a 1M-case backtest (npm run bench:decide).
  let byReason = context.odds.get(key.sku);
  if (byReason === undefined) context.odds.set(key.sku, byReason = new Map());
  let byCategory = byReason.get(key.reasonCategory);
  if (byCategory === undefined) byReason.set(key.reasonCategory, byCategory = new Map());
  let odds = byCategory.get(key.productCategory);
  if (odds === undefined) {
    const { policy } = context;
    odds = learnOdds({
      saveOfferAcceptance: policy.saveOfferAcceptancePriors,
      grades: gradePriorFor(policy, key.productCategory, key.reasonCategory as ReasonCategory | null),
    }, historyFor(context.outcomes, key), policy.decisionPriors.learningPriorWeight);
    byCategory.set(key.productCategory, odds);
  }
  return odds;
}

/**
 * What the engine weighs for a case at `nowIso`: price, quantity, reason, product category and weight,
 * whether the request is in policy, the offers the buyer already declined, and the odds learned from
 * the seller's outcomes for the SKU, product and reason category.
 */
export function decisionInputOf(facts: CaseFacts, context: DecisionContext, nowIso: string, declinedOfferSteps: readonly number[] = []): DecisionInput {
  const { returnCase, product, mfn } = facts;
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  const category = product?.category ?? null;
  const odds = learnedOddsOf(context, { reasonCategory: returnCase.reason.category, productCategory: category, sku: returnCase.sku });
  // Absent values as `undefined` fields rather than conditional spreads: building 100,000 inputs took
  // 420 ms with the spreads, 205 ms without (a million-case backtest builds a million).
  return {
    marketplaceCode: marketplace.code, currency: marketplace.currency, reason: returnCase.reason,
    unitPriceMinor: unitPriceOf(facts, marketplace.currency), quantity: returnCase.quantity,
    productCategory: category ?? undefined, weightGrams: product?.weightGrams ?? undefined, unitCostMinor: product?.unitCostMinor ?? undefined,
    inPolicy: mfn.inPolicy, declinedOfferSteps, odds,
    nowIso, requestedAtIso: returnCase.requestedAt ?? nowIso,
  };
}
