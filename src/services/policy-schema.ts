import { z } from 'zod';
import { defaultDeadlineRules } from '../domain/deadlines/deadline-rules.js';
import { findMarketplace } from '../domain/marketplaces.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { conditionGrades, labelPayers } from '../domain/policy/policy.js';
import { messageLanguages } from '../domain/messages/lint-rules.js';
import { messageActions } from '../domain/messages/templates/actions.js';
import { faultParties, reasonCategories } from '../domain/reasons.js';
import { claimsWithDefault, dispositionWithDefault, inspectionChecklistsWithDefault } from './policy-schema-returns.js';
import { preventionWithDefault } from './policy-schema-prevention.js';
import { amazonNumber, bps, currency, effectiveDated, fail, marketplace, money, perMarketplace, probability, weightTiers } from './policy-schema-parts.js';

// The policy schema (zod stays out of the domain; the domain holds the Policy type and the defaults).

const gradeProbabilities = z.strictObject(Object.fromEntries(conditionGrades.map((g) => [g, probability.optional()])))
  .superRefine((grades, ctx) => {
    const sum = Object.values(grades).reduce<number>((total, p) => total + (p ?? 0), 0);
    if (Math.abs(sum - 1) > 0.001) fail(ctx, [], `probabilities must sum to 1 (they sum to ${Number(sum.toFixed(6))})`);
  });

const returnlessRule = z.strictObject({
  marketplace, minPrice: money, maxPrice: money,
  categories: z.array(z.string().trim().min(1)).min(1).optional(),
  reasonCategories: z.array(z.enum(reasonCategories)).min(1).optional(),
}).superRefine((rule, ctx) => {
  const expected = findMarketplace(rule.marketplace)?.currency;
  for (const end of ['minPrice', 'maxPrice'] as const) {
    if (rule[end].currency !== expected) fail(ctx, [end, 'currency'], `must be ${expected}, the currency of ${rule.marketplace}`);
  }
  if (rule.minPrice.amountMinor > rule.maxPrice.amountMinor) fail(ctx, ['maxPrice', 'amountMinor'], 'must be at least minPrice');
});

const sharesAny = (a: readonly string[] | undefined, b: readonly string[] | undefined) => !a || !b || a.some((x) => b.includes(x));

const maxDeadline = (id: string, pick: (rule: (typeof defaultDeadlineRules)[number]) => number | undefined) =>
  Math.max(...defaultDeadlineRules.filter((r) => r.id === id).map((r) => pick(r) ?? 0));
const deadlineMax = {
  manualAuthorizationHours: maxDeadline('manual-authorization', (r) => (r.kind === 'calendar-hours' ? r.hours : undefined)),
  rdrResponseHours: maxDeadline('rdr-response', (r) => (r.kind === 'calendar-hours' ? r.hours : undefined)),
  refundBusinessDays: maxDeadline('refund-after-receipt', (r) => (r.kind === 'business-days' ? r.days : undefined)),
};

export const policySchema = z.strictObject({
  handlingCostPerUnit: perMarketplace(money, (m) => [[['currency'], m.currency]]),
  labelCostEstimates: perMarketplace(z.strictObject({ currency, tiers: weightTiers }), (t) => [[['currency'], t.currency]]),
  labelPaidBy: z.strictObject(Object.fromEntries(faultParties.map((f) => [f, z.enum(labelPayers)])) as Record<(typeof faultParties)[number], z.ZodEnum<{ buyer: 'buyer'; seller: 'seller' }>>),
  saveOfferLadderBps: z.array(bps.min(1)).superRefine((ladder, ctx) => {
    ladder.forEach((step, i) => { if (i > 0 && step <= ladder[i - 1]!) fail(ctx, [i], `must be more than the previous step ${ladder[i - 1]}`); });
  }),
  saveOfferAcceptancePriors: z.array(probability),
  returnlessRules: z.array(returnlessRule),
  restockingFeeCaps: effectiveDated(z.strictObject({
    ...amazonNumber, lateOriginalConditionBps: bps, usedOrDamagedNotSellerFaultBps: bps,
    // §4.5 and [A] SC G202175040: a seller-side fault always gets a full refund; no policy may say otherwise.
    sellerFaultBps: z.literal(0, 'must be 0: a seller-side fault always gets a full refund (reference §4.5)'),
    bookSignsOfUseBps: bps.optional(), openedMediaBps: bps.optional(), openedSoftwareBps: bps.optional(),
  })),
  resaleValueByGradeBps: z.strictObject(Object.fromEntries(conditionGrades.map((g) => [g, bps])) as Record<(typeof conditionGrades)[number], typeof bps>),
  gradePriors: z.strictObject({
    default: gradeProbabilities,
    entries: z.array(z.strictObject({
      productCategory: z.string().trim().min(1).optional(), reasonCategory: z.enum(reasonCategories).optional(), probabilities: gradeProbabilities,
    })),
  }),
  removalDisposalFees: perMarketplace(
    effectiveDated(z.strictObject({ ...amazonNumber, currency, standard: weightTiers, oversize: weightTiers })),
    (tables) => tables.map((t, i): [PropertyKey[], string] => [[i, 'currency'], t.currency]),
  ),
  accountHealthRisk: perMarketplace(z.strictObject({ lateAnswer: money, atozClaim: money }),
    (r) => [[['lateAnswer', 'currency'], r.lateAnswer.currency], [['atozClaim', 'currency'], r.atozClaim.currency]]),
  deadlines: z.strictObject({
    manualAuthorizationHours: z.number().int().min(1).max(deadlineMax.manualAuthorizationHours).optional(),
    rdrResponseHours: z.number().int().min(1).max(deadlineMax.rdrResponseHours).optional(),
    refundBusinessDays: z.number().int().min(0).max(deadlineMax.refundBusinessDays).optional(),
  }),
  decisionPriors: z.strictObject({
    serialReturnerReturns90Days: z.number().int().min(1),
    highValueWrongItem: perMarketplace(money, (m) => [[['currency'], m.currency]]),
    closeAtozClaimProbability: probability,
    declinedOfferLateShare: probability,
    // Added after the first policies were stored: absent in an older file or version means the default.
    restockingFeeChargeShare: probability.default(defaultPolicy.decisionPriors.restockingFeeChargeShare),
    learningPriorWeight: z.number().positive().max(1_000_000).default(defaultPolicy.decisionPriors.learningPriorWeight),
    buyerShipByDays: z.number().int().min(1).max(90).default(defaultPolicy.decisionPriors.buyerShipByDays),
  }),
  // Added after the first policies were stored: absent means the default.
  inspectionChecklists: inspectionChecklistsWithDefault,
  freeReturnsMarketplaces: z.array(marketplace).default(() => []),
  disposition: dispositionWithDefault,
  claims: claimsWithDefault,
  prevention: preventionWithDefault,
  messageTemplates: z.partialRecord(z.enum(messageLanguages), z.partialRecord(z.enum(messageActions), z.strictObject({
    subject: z.string().trim().min(1), body: z.string().trim().min(1),
  }))).optional(),
}).superRefine((policy, ctx) => {
  if (policy.saveOfferAcceptancePriors.length !== policy.saveOfferLadderBps.length) {
    fail(ctx, ['saveOfferAcceptancePriors'], `must have one probability per ladder step (${policy.saveOfferLadderBps.length})`);
  }
  // Amazon's returnless form refuses overlapping rules (reference §4.4).
  policy.returnlessRules.forEach((rule, i) => policy.returnlessRules.slice(0, i).forEach((other, j) => {
    if (other.marketplace === rule.marketplace && rule.minPrice.amountMinor <= other.maxPrice.amountMinor
      && other.minPrice.amountMinor <= rule.maxPrice.amountMinor && sharesAny(rule.categories, other.categories)
      && sharesAny(rule.reasonCategories, other.reasonCategories)) fail(ctx, ['returnlessRules', i], `overlaps returnlessRules[${j}]: rules must not overlap`);
  }));
});

