import type { ConditionGrade, GradePriorEntry, GradeProbabilities, Policy, RemovalFeeTable, RestockingFeeCaps, WeightPriceTable } from './policy.js';
import type { Money } from '../money.js';
import { defaultInspectionChecklists } from '../inspection/checklist-policy.js';
import { defaultRefundCaps } from '../refunds/refund-caps.js';
import { defaultDispositionPolicy } from '../disposition/default-disposition-policy.js';
import { defaultClaimsPolicy } from '../claims/claims-policy.js';
import { defaultPreventionPolicy } from '../prevention/prevention-policy.js';

// Seller choices below (handling, label estimates, ladder, priors, risk money) are starting points to
// tune; Amazon's numbers carry their effective date and source from ../shared/reference/amazon-returns.md.

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const gbp = (amountMinor: number): Money => ({ amountMinor, currency: 'GBP' });
const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
const jpy = (amountMinor: number): Money => ({ amountMinor, currency: 'JPY' });

// Pound bands of Amazon's US tables in grams (1 lb = 453.59 g, rounded to the gram).
const lb = { half: 227, one: 454, two: 907, four: 1814, ten: 4536 } as const;

const labelUs: WeightPriceTable = { currency: 'USD', tiers: [
  { maxGrams: lb.one, amountMinor: 600 }, { maxGrams: lb.two, amountMinor: 750 }, { maxGrams: 2268, amountMinor: 1000 },
  { maxGrams: lb.ten, amountMinor: 1400 }, { maxGrams: null, amountMinor: 1400, extraMinorPerStep: 100, stepGrams: lb.one },
] };
const labelUk: WeightPriceTable = { currency: 'GBP', tiers: [
  { maxGrams: 1000, amountMinor: 350 }, { maxGrams: 2000, amountMinor: 450 }, { maxGrams: 10000, amountMinor: 700 },
  { maxGrams: null, amountMinor: 700, extraMinorPerStep: 50, stepGrams: 1000 },
] };
const labelEu: WeightPriceTable = { currency: 'EUR', tiers: [
  { maxGrams: 1000, amountMinor: 450 }, { maxGrams: 2000, amountMinor: 550 }, { maxGrams: 10000, amountMinor: 800 },
  { maxGrams: null, amountMinor: 800, extraMinorPerStep: 60, stepGrams: 1000 },
] };
const labelJp: WeightPriceTable = { currency: 'JPY', tiers: [
  { maxGrams: 1000, amountMinor: 800 }, { maxGrams: 2000, amountMinor: 1000 }, { maxGrams: 10000, amountMinor: 1400 },
  { maxGrams: null, amountMinor: 1400, extraMinorPerStep: 100, stepGrams: 1000 },
] };

// Amazon's caps on partial refunds (reference §4.5), with their source: kept with the refund rules.
export const defaultRestockingFeeCaps: readonly RestockingFeeCaps[] = defaultRefundCaps;

export const defaultUsRemovalFees: readonly RemovalFeeTable[] = [{
  effectiveFrom: '2026-01-15',
  currency: 'USD',
  standard: [
    { maxGrams: lb.half, amountMinor: 84 }, { maxGrams: lb.one, amountMinor: 153 }, { maxGrams: lb.two, amountMinor: 227 },
    { maxGrams: null, amountMinor: 289, extraMinorPerStep: 106, stepGrams: lb.one },
  ],
  oversize: [
    { maxGrams: lb.one, amountMinor: 312 }, { maxGrams: lb.two, amountMinor: 430 }, { maxGrams: lb.four, amountMinor: 636 },
    { maxGrams: lb.ten, amountMinor: 1004 }, { maxGrams: null, amountMinor: 1432, extraMinorPerStep: 106, stepGrams: lb.one },
  ],
  source: 'reference §4.12: [S] ecomcrew, US removal and disposal fee per unit from 2026-01-15 (fee fixed at order creation date [A])',
}];

const grades = (n: number, ln: number, vg: number, g: number, a: number, u: number): GradeProbabilities =>
  ({ new: n, like_new: ln, very_good: vg, good: g, acceptable: a, unsellable: u });

const remorse = grades(0.55, 0.25, 0.1, 0.05, 0.03, 0.02);
const gradePriorEntries: readonly GradePriorEntry[] = [
  ...(['changed_mind', 'better_price', 'ordered_wrong_item', 'size_fit', 'compatibility', 'unauthorized_purchase', 'late_delivery'] as const)
    .map((reasonCategory) => ({ reasonCategory, probabilities: remorse })),
  { reasonCategory: 'defective_quality', probabilities: grades(0.05, 0.05, 0.05, 0.1, 0.15, 0.6) },
  { reasonCategory: 'damaged_in_transit', probabilities: grades(0, 0.05, 0.1, 0.15, 0.2, 0.5) },
  { reasonCategory: 'damaged_in_warehouse', probabilities: grades(0, 0.05, 0.1, 0.15, 0.2, 0.5) },
  { reasonCategory: 'missing_parts', probabilities: grades(0, 0, 0.1, 0.2, 0.3, 0.4) },
  { reasonCategory: 'not_as_described', probabilities: grades(0.4, 0.3, 0.1, 0.1, 0.05, 0.05) },
  { reasonCategory: 'wrong_item_sent', probabilities: grades(0.4, 0.3, 0.1, 0.1, 0.05, 0.05) },
];

const resaleValueByGradeBps: Readonly<Record<ConditionGrade, number>> = {
  new: 10000, like_new: 8500, very_good: 7500, good: 6500, acceptable: 5000, unsellable: 0,
};

/** The policy in force until a seller applies one of their own (US, UK, DE, FR, IT, ES, JP). */
export const defaultPolicy: Policy = {
  handlingCostPerUnit: { US: usd(300), UK: gbp(250), DE: eur(300), FR: eur(300), IT: eur(300), ES: eur(300), JP: jpy(400) },
  labelCostEstimates: { US: labelUs, UK: labelUk, DE: labelEu, FR: labelEu, IT: labelEu, ES: labelEu, JP: labelJp },
  // Reference §1.3: the seller pays return shipping unless the buyer is at fault; an unknown fault is
  // treated as the seller's, so a return the buyer is entitled to is never charged to them.
  labelPaidBy: { buyer: 'buyer', seller: 'seller', carrier: 'seller', amazon: 'seller', unknown: 'seller' },
  saveOfferLadderBps: [1000, 1500, 2000],
  saveOfferAcceptancePriors: [0.2, 0.3, 0.4],
  returnlessRules: [
    { marketplace: 'US', minPrice: usd(0), maxPrice: usd(1000) },
    { marketplace: 'UK', minPrice: gbp(0), maxPrice: gbp(800) },
    { marketplace: 'DE', minPrice: eur(0), maxPrice: eur(1000) },
    { marketplace: 'JP', minPrice: jpy(0), maxPrice: jpy(1000) },
  ],
  restockingFeeCaps: defaultRestockingFeeCaps,
  resaleValueByGradeBps,
  gradePriors: { default: grades(0.3, 0.25, 0.15, 0.1, 0.1, 0.1), entries: gradePriorEntries },
  // Only the US table is on record (§4.12); other marketplaces need their table added to the policy.
  removalDisposalFees: { US: defaultUsRemovalFees },
  accountHealthRisk: {
    US: { lateAnswer: usd(500), atozClaim: usd(5000) },
    UK: { lateAnswer: gbp(400), atozClaim: gbp(4000) },
    DE: { lateAnswer: eur(500), atozClaim: eur(5000) },
    FR: { lateAnswer: eur(500), atozClaim: eur(5000) },
    IT: { lateAnswer: eur(500), atozClaim: eur(5000) },
    ES: { lateAnswer: eur(500), atozClaim: eur(5000) },
    JP: { lateAnswer: jpy(700), atozClaim: jpy(7000) },
  },
  deadlines: {},
  // 5 returns a quarter is well above a normal buyer's one or two; 200 (30,000 yen) marks a unit
  // worth a person's look when the buyer says it is not what was shipped.
  decisionPriors: {
    serialReturnerReturns90Days: 5,
    highValueWrongItem: {
      US: usd(20000), UK: gbp(20000), DE: eur(20000), FR: eur(20000), IT: eur(20000), ES: eur(20000), JP: jpy(30000),
    },
    closeAtozClaimProbability: 0.3,
    declinedOfferLateShare: 0.5,
    // Buyers often dispute a deduction and Amazon may reverse it: count on half of the cap.
    restockingFeeChargeShare: 0.5,
    learningPriorWeight: 10,
    buyerShipByDays: 14,
  },
  inspectionChecklists: defaultInspectionChecklists,
  // Free Returns is a setting the seller opts into per marketplace; none by default.
  freeReturnsMarketplaces: [],
  disposition: defaultDispositionPolicy,
  claims: defaultClaimsPolicy,
  prevention: defaultPreventionPolicy,
};
