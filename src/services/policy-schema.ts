import { z } from 'zod';
import { defaultDeadlineRules } from '../domain/deadlines/deadline-rules.js';
import { findMarketplace, marketplaceCodes } from '../domain/marketplaces.js';
import { isKnownCurrency } from '../domain/money.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { conditionGrades, labelPayers } from '../domain/policy/policy.js';
import { messageLanguages } from '../domain/messages/lint-rules.js';
import { messageActions } from '../domain/messages/templates/actions.js';
import { faultParties, reasonCategories } from '../domain/reasons.js';
import { inspectionChecklistsWithDefault } from './policy-schema-returns.js';

// The policy schema (zod stays out of the domain; the domain holds the Policy type and the defaults).

export type Ctx = z.core.$RefinementCtx;
export const fail = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });

export const minor = z.number().int().min(0);
export const bps = z.number().int().min(0).max(10000);
export const probability = z.number().min(0).max(1);
export const isoDate = z.iso.date();
export const currency = z.string().refine(isKnownCurrency, 'must be a known ISO 4217 currency code such as USD, EUR or JPY');
export const money = z.strictObject({ amountMinor: minor, currency });
export const marketplace = z.enum(marketplaceCodes);

const weightTier = z.strictObject({
  maxGrams: z.number().int().min(1).nullable(), amountMinor: minor,
  extraMinorPerStep: minor.optional(), stepGrams: z.number().int().min(1).optional(),
}).superRefine((tier, ctx) => {
  if ((tier.extraMinorPerStep === undefined) !== (tier.stepGrams === undefined)) fail(ctx, [], 'extraMinorPerStep and stepGrams go together: give both or neither');
});
export const weightTiers = z.array(weightTier).min(1).superRefine((tiers, ctx) => {
  tiers.forEach((tier, index) => {
    const previous = index > 0 ? tiers[index - 1]!.maxGrams : 0;
    if (previous === null) fail(ctx, [index - 1, 'maxGrams'], 'only the last tier may be open-ended (null)');
    else if (tier.maxGrams !== null && tier.maxGrams <= previous) fail(ctx, [index, 'maxGrams'], `must be more than the previous tier's ${previous}`);
  });
});

export const amazonNumber = { effectiveFrom: isoDate, effectiveTo: isoDate.optional(), source: z.string().trim().min(1) };
export function effectiveDated<T extends z.ZodType<{ effectiveFrom: string; effectiveTo?: string | undefined }>>(entry: T) {
  return z.array(entry).superRefine((entries, ctx) => {
    entries.forEach((e, index) => {
      if (e.effectiveTo !== undefined && e.effectiveTo <= e.effectiveFrom) fail(ctx, [index, 'effectiveTo'], `must be after effectiveFrom ${e.effectiveFrom}`);
      if (entries.findIndex((other) => other.effectiveFrom === e.effectiveFrom) < index) fail(ctx, [index, 'effectiveFrom'], `another entry already starts on ${e.effectiveFrom}`);
    });
  });
}

/** A record keyed by marketplace code whose money must be in that marketplace's currency. */
export function perMarketplace<T extends z.ZodType>(value: T, currencies: (v: z.output<T>) => Array<[PropertyKey[], string]>) {
  return z.partialRecord(marketplace, value).superRefine((record, ctx) => {
    for (const [code, entry] of Object.entries(record)) {
      const expected = findMarketplace(code)?.currency;
      for (const [path, found] of currencies(entry as z.output<T>)) {
        if (found !== expected) fail(ctx, [code, ...path], `must be ${expected}, the currency of ${code}`);
      }
    }
  });
}

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

