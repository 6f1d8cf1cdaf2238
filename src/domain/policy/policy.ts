import type { MarketplaceCode } from '../marketplaces.js';
import type { Money } from '../money.js';
import type { Fault, ReasonCategory } from '../reasons.js';
import type { MessageAction, MessageTemplate } from '../messages/templates/actions.js';
import type { MessageLanguage } from '../messages/lint-rules.js';
import type { InspectionChecklistPolicy } from '../inspection/checklist-policy.js';
import type { DispositionPolicy } from '../disposition/disposition-policy.js';
import type { ClaimsPolicy } from '../claims/claims-policy.js';
import type { PreventionPolicy } from '../prevention/prevention-policy.js';

/**
 * A seller's policy: every number the decision engine weighs, as plain data (JSON or YAML on disk,
 * versioned in the database). Percentages are basis points (10000 = 100%), probabilities are 0..1,
 * money is integer minor units with its currency, weights are grams. Numbers Amazon sets carry
 * `effectiveFrom` and `source`, so a change by Amazon is a new entry, not a code change; numbers the
 * seller chooses (handling cost, ladder, priors) do not. Reference: docs/policy.md.
 */
export interface Policy {
  /** What handling one returned unit costs the seller (receive, inspect, restock), per marketplace. */
  readonly handlingCostPerUnit: PerMarketplace<Money>;
  /** What a return label is expected to cost, per marketplace, by the unit's shipping weight. */
  readonly labelCostEstimates: PerMarketplace<WeightPriceTable>;
  /** Who pays the return label, by the fault the reason puts on a party (reference §1.3). */
  readonly labelPaidBy: Readonly<Record<Fault, LabelPayer>>;
  /** Partial refunds to offer so the buyer keeps the item, as shares of the price, tried in order. */
  readonly saveOfferLadderBps: readonly number[];
  /** Probability that the buyer accepts each step of the ladder (same length as the ladder). */
  readonly saveOfferAcceptancePriors: readonly number[];
  /** When to refund without asking for the item back, shaped like Amazon's returnless rule form (§4.4). */
  readonly returnlessRules: readonly ReturnlessRule[];
  /** The most a seller may deduct from a refund, as Amazon sets it (§4.5), effective-dated. */
  readonly restockingFeeCaps: readonly RestockingFeeCaps[];
  /** What a returned unit resells for, as a share of the new price, by condition grade (§4.11). */
  readonly resaleValueByGradeBps: Readonly<Record<ConditionGrade, number>>;
  /** Priors for the grade a returned unit is found in, by product and reason category. */
  readonly gradePriors: GradePriors;
  /** FBA removal and disposal fees per unit, per marketplace, effective-dated (§4.12). */
  readonly removalDisposalFees: PerMarketplace<readonly RemovalFeeTable[]>;
  /** The money the seller puts on harm to account health, per marketplace (§1.4, §4.6). */
  readonly accountHealthRisk: PerMarketplace<AccountHealthRisk>;
  /** Tighter deadlines than Amazon's; absent fields use domain/deadlines/deadline-rules.ts. */
  readonly deadlines: DeadlineOverrides;
  /** When a request looks like abuse, and the odds the decision weighs for its risks. */
  readonly decisionPriors: DecisionPriors;
  /** Which checklist items an inspection must answer, by product category (docs/inspection.md). */
  readonly inspectionChecklists: InspectionChecklistPolicy;
  /** Marketplaces where the seller offers Free Returns: no return label is deducted from an in-policy return there (reference §4.2). */
  readonly freeReturnsMarketplaces: readonly MarketplaceCode[];
  /** What each route for a returned unit costs and brings: restock, used sale, liquidation… (docs/disposition.md). */
  readonly disposition: DispositionPolicy;
  /** What the claims reconciliation counts as a claim, and how much: every threshold that is not a window (docs/claims.md). */
  readonly claims: ClaimsPolicy;
  /** How sure return rates, spikes and fix verdicts must be before they judge (docs/prevention.md). */
  readonly prevention: PreventionPolicy;
  /**
   * The seller's own wording of buyer messages, per language and action; an action not given uses the
   * shipped template. Checked by the same compliance lint as every draft (docs/message-templates.md).
   */
  readonly messageTemplates?: Readonly<Partial<Record<MessageLanguage, Readonly<Partial<Record<MessageAction, MessageTemplate>>>>>>;
}

export type PerMarketplace<T> = Readonly<Partial<Record<MarketplaceCode, T>>>;

export const labelPayers = ['buyer', 'seller'] as const;
export type LabelPayer = (typeof labelPayers)[number];

/** Condition grades of a returned unit: New, Amazon's four Used grades (§4.11), and Unsellable. */
export const conditionGrades = ['new', 'like_new', 'very_good', 'good', 'acceptable', 'unsellable'] as const;
export type ConditionGrade = (typeof conditionGrades)[number];

/** A number Amazon sets: in force from `effectiveFrom` (inclusive) until `effectiveTo` (exclusive) or the next entry. */
export interface AmazonNumber {
  /** `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** `YYYY-MM-DD`, exclusive; absent while the entry is current. */
  readonly effectiveTo?: string;
  /** Where the number comes from: the reference section and Amazon's page (or the secondary source). */
  readonly source: string;
}

/**
 * One weight band: units up to `maxGrams` (inclusive; `null` for the open-ended last band) cost
 * `amountMinor`, plus `extraMinorPerStep` for every started `stepGrams` above the previous band.
 */
export interface WeightTier {
  readonly maxGrams: number | null;
  readonly amountMinor: number;
  readonly extraMinorPerStep?: number;
  readonly stepGrams?: number;
}

/** Prices by weight in one currency; tiers ascend by `maxGrams`. */
export interface WeightPriceTable {
  readonly currency: string;
  readonly tiers: readonly WeightTier[];
}

export interface ReturnlessRule {
  readonly marketplace: MarketplaceCode;
  /** The item price range the rule covers, both ends inclusive, in the marketplace currency. */
  readonly minPrice: Money;
  readonly maxPrice: Money;
  /** Product categories (as in the product sheet); absent means every category. */
  readonly categories?: readonly string[];
  /** Reason categories; absent means every reason. */
  readonly reasonCategories?: readonly ReasonCategory[];
}

export interface RestockingFeeCaps extends AmazonNumber {
  /** Unopened, original condition, returned after the return window. */
  readonly lateOriginalConditionBps: number;
  /** Used, damaged or missing parts, and not the seller's fault. */
  readonly usedOrDamagedNotSellerFaultBps: number;
  /** Seller error, defective, damaged on arrival, not as described: always a full refund. */
  readonly sellerFaultBps: number;
  /** A book with obvious signs of use; absent: `usedOrDamagedNotSellerFaultBps`. */
  readonly bookSignsOfUseBps?: number;
  /** An opened CD, DVD, VHS, video game, cassette or vinyl; absent: `usedOrDamagedNotSellerFaultBps`. */
  readonly openedMediaBps?: number;
  /** Opened software (no refund of the item price at 10000); absent: `usedOrDamagedNotSellerFaultBps`. */
  readonly openedSoftwareBps?: number;
}

export interface RemovalFeeTable extends AmazonNumber {
  readonly currency: string;
  /** Standard-size units. */
  readonly standard: readonly WeightTier[];
  /** Large bulky, extra-large and special-handling units. */
  readonly oversize: readonly WeightTier[];
}

export type GradeProbabilities = Readonly<Partial<Record<ConditionGrade, number>>>;

/** One prior: the most specific entry matching the case wins, then `default`. */
export interface GradePriorEntry {
  readonly productCategory?: string;
  readonly reasonCategory?: ReasonCategory;
  readonly probabilities: GradeProbabilities;
}

export interface GradePriors {
  readonly default: GradeProbabilities;
  readonly entries: readonly GradePriorEntry[];
}

export interface AccountHealthRisk {
  /** A request answered after the 48-hour RDR clock (§1.4). */
  readonly lateAnswer: Money;
  /** An A-to-z claim that counts toward the Order Defect Rate (§4.6). */
  readonly atozClaim: Money;
}

/** The seller's own judgement, not Amazon's numbers: starting points a seller tunes to their history. */
export interface DecisionPriors {
  /** Returns in 90 days from which a buyer counts as a serial returner (escalated to a person). */
  readonly serialReturnerReturns90Days: number;
  /** Unit price above which a "wrong item sent" claim is escalated to a person, per marketplace. */
  readonly highValueWrongItem: PerMarketplace<Money>;
  /** Chance (0..1) that a buyer whose request is closed wins a refund through an A-to-z claim. */
  readonly closeAtozClaimProbability: number;
  /** Share (0..1) of declined save offers whose authorization then misses the 48-hour RDR clock (§1.4). */
  readonly declinedOfferLateShare: number;
  /** Share (0..1) of Amazon's restocking-fee cap the seller charges and keeps (0: never charges one). */
  readonly restockingFeeChargeShare: number;
  /**
   * How many of the seller's own outcomes weigh as much as the prior (pseudo-observations): with 10,
   * 10 recorded outcomes move a probability halfway from the prior to what was observed.
   */
  readonly learningPriorWeight: number;
  /** Calendar days the authorization message gives the buyer to send the item (Amazon sets none on record). */
  readonly buyerShipByDays: number;
}

/** A seller may answer sooner than Amazon requires, never later. */
export interface DeadlineOverrides {
  readonly manualAuthorizationHours?: number;
  readonly rdrResponseHours?: number;
  readonly refundBusinessDays?: number;
}
