import { z } from 'zod';
import { checklistItems } from '../domain/inspection/checklist.js';
import { defaultInspectionChecklists } from '../domain/inspection/checklist-policy.js';
import { inspectionGrades } from '../domain/inspection/inspection-grades.js';
import { defaultDispositionPolicy } from '../domain/disposition/default-disposition-policy.js';
import { codeOf } from '../domain/claims/claim-math.js';
import { defaultClaimsPolicy } from '../domain/claims/claims-policy.js';
import { findMarketplace } from '../domain/marketplaces.js';
import { amazonNumber, bps, currency, effectiveDated, fail, marketplace, money, perMarketplace, weightTiers } from './policy-schema-parts.js';

// The policy sections of what happens when a parcel comes back (issue 4): inspection checklists,
// disposition economics and refund rules; and the thresholds of the claims reconciliation (issue 5).

const checklist = z.array(z.enum(checklistItems)).superRefine((items, ctx) => {
  items.forEach((item, i) => {
    if (items.indexOf(item) < i) ctx.addIssue({ code: 'custom', message: `lists ${item} twice`, path: [i] });
  });
});

/** Which checklist items an inspection must answer, by product category (domain/inspection/checklist-policy.ts). */
const inspectionChecklistsSchema = z.strictObject({
  required: checklist,
  categories: z.array(z.strictObject({
    productCategories: z.array(z.string().trim().min(1)).min(1),
    required: checklist,
  })),
});

/** The checklists, defaulted for a policy stored before they existed (a fresh copy each time: zod hands out mutable values). */
export const inspectionChecklistsWithDefault = inspectionChecklistsSchema.default(() => ({
  required: [...defaultInspectionChecklists.required],
  categories: defaultInspectionChecklists.categories.map((c) => ({ productCategories: [...c.productCategories], required: [...c.required] })),
}));

// ---- Disposition economics (domain/disposition/disposition-policy.ts, docs/disposition.md). ----

type CurrencyAt = [PropertyKey[], string];
const at = (prefix: PropertyKey[], found: CurrencyAt[]): CurrencyAt[] => found.map(([path, c]) => [[...prefix, ...path], c]);

function buildDispositionSchema() {
  const sizeWeightFields = { currency, standard: weightTiers, oversize: weightTiers };

  const restock = z.strictObject({ cleaningRepackaging: money, relabelling: money, inboundShippingFba: money });

  const gradeAndResell = z.strictObject({
    enrolled: z.boolean(),
    fees: effectiveDated(z.strictObject({ ...amazonNumber, ...sizeWeightFields })),
    minUnitPrice: effectiveDated(z.strictObject({ ...amazonNumber, minUnitPrice: money })),
  });

  const liquidation = z.strictObject({
    recoveryShareBps: bps,
    referralFees: effectiveDated(z.strictObject({ ...amazonNumber, referralFeeBps: bps })),
    processingFeeEstimate: z.strictObject(sizeWeightFields),
  });

  const marketplaceDisposition = z.strictObject({
    restock,
    saleReferralFeeBps: bps,
    saleReferralFeeBpsByCategory: z.record(z.string().trim().min(1), bps).optional(),
    donationCostPerUnit: money,
    ownDisposalCostPerUnit: money,
    fbaDonation: z.literal('disposal_fee').optional(),
    gradeAndResell: gradeAndResell.optional(),
    liquidation: liquidation.optional(),
  });

  // Every money and table of a marketplace's entry, with its path, for the currency check.
  const currenciesOf = (m: z.output<typeof marketplaceDisposition>): CurrencyAt[] => [
    ...(['cleaningRepackaging', 'relabelling', 'inboundShippingFba'] as const).map((k): CurrencyAt => [['restock', k, 'currency'], m.restock[k].currency]),
    [['donationCostPerUnit', 'currency'], m.donationCostPerUnit.currency],
    [['ownDisposalCostPerUnit', 'currency'], m.ownDisposalCostPerUnit.currency],
    ...at(['gradeAndResell', 'fees'], (m.gradeAndResell?.fees ?? []).map((t, i): CurrencyAt => [[i, 'currency'], t.currency])),
    ...at(['gradeAndResell', 'minUnitPrice'], (m.gradeAndResell?.minUnitPrice ?? []).map((p, i): CurrencyAt => [[i, 'minUnitPrice', 'currency'], p.minUnitPrice.currency])),
    ...(m.liquidation ? [[['liquidation', 'processingFeeEstimate', 'currency'], m.liquidation.processingFeeEstimate.currency] as CurrencyAt] : []),
  ];

  const credit = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('share_of_unit_cost'), bps }),
    z.strictObject({ kind: z.literal('fixed'), perUnit: money }),
  ], { error: (issue) => (issue.code === 'invalid_union' ? 'must be one of: share_of_unit_cost, fixed' : undefined) });

  const supplierCredit = z.strictObject({
    sku: z.string().trim().min(1).optional(),
    productCategory: z.string().trim().min(1).optional(),
    marketplaceCode: marketplace.optional(),
    grades: z.array(z.enum(inspectionGrades)).min(1).optional(),
    credit,
    shippingCostPerUnit: money,
  }).superRefine((entry, ctx) => {
    if (entry.sku === undefined && entry.productCategory === undefined) fail(ctx, [], 'must name a sku or a productCategory (or both)');
    entry.grades?.forEach((grade, i) => { if (entry.grades!.indexOf(grade) < i) fail(ctx, ['grades', i], `lists ${grade} twice`); });
    // The credit is paid in the unit's currency: that of the marketplace named, else of the entry's own money.
    const moneys: CurrencyAt[] = [[['shippingCostPerUnit', 'currency'], entry.shippingCostPerUnit.currency]];
    if (entry.credit.kind === 'fixed') moneys.unshift([['credit', 'perUnit', 'currency'], entry.credit.perUnit.currency]);
    if (entry.marketplaceCode !== undefined) {
      const expected = findMarketplace(entry.marketplaceCode)?.currency;
      for (const [path, found] of moneys) if (found !== expected) fail(ctx, path, `must be ${expected}, the currency of ${entry.marketplaceCode}`);
    } else if (entry.credit.kind === 'fixed' && entry.credit.perUnit.currency !== entry.shippingCostPerUnit.currency) {
      fail(ctx, ['shippingCostPerUnit', 'currency'], `must be ${entry.credit.perUnit.currency}, the currency of credit.perUnit`);
    }
  });

  return z.strictObject({
    marketplaces: perMarketplace(marketplaceDisposition, currenciesOf),
    supplierCredits: z.array(supplierCredit),
  });
}

/** Costs and credits of each route for a graded returned unit (`DispositionPolicy`, docs/disposition.md). */
export const dispositionSchema = buildDispositionSchema();

/**
 * The disposition policy, defaulted for a policy stored before it existed. zod hands the default out
 * as a mutable value, so each use gets a fresh deep copy of the readonly default; a JSON round trip is
 * exact here because the default is plain JSON data (no undefined, dates or functions).
 */
export const dispositionWithDefault = dispositionSchema.default(
  () => JSON.parse(JSON.stringify(defaultDispositionPolicy)) as z.output<typeof dispositionSchema>,
);

// ---- Claims reconciliation thresholds (domain/claims/claims-policy.ts, docs/claims.md). ----

function buildClaimsSchema() {
  const codes = z.array(z.string().trim().min(1)).min(1).superRefine((items, ctx) => {
    // Compared as the reconciliation compares them: ignoring case and punctuation.
    items.forEach((item, i) => { if (items.findIndex((other) => codeOf(other) === codeOf(item)) < i) fail(ctx, [i], `lists ${item} twice`); });
  });

  const fields = {
    shortReimbursementShareBps: bps,
    unitRefundMinShareBps: bps,
    amazonFaultDispositions: codes,
    amazonIssuedResolutions: codes,
    notReturnedResolutions: codes,
    // Past a year an unreturned refund is long lost; the longest buyer return window is far shorter (§4.1).
    mfnReturnDueDays: z.number().int().min(1).max(365),
    safetDamageCapBps: bps,
    // Keyed by currency, checked here rather than by a record key schema so the error names the currency.
    safetMaxPerOrderMinor: z.record(z.string(), z.number().int().min(1)).superRefine((caps, ctx) => {
      for (const code of Object.keys(caps)) {
        const parsed = currency.safeParse(code);
        if (!parsed.success) fail(ctx, [code], parsed.error.issues[0]?.message ?? 'must be a known ISO 4217 currency code');
      }
    }),
  };
  const documented: ReadonlySet<string> = new Set(Object.keys(fields));

  return z.strictObject({
    ...fields,
    sources: z.record(z.string(), z.string().trim().min(1)).superRefine((sources, ctx) => {
      for (const key of Object.keys(sources)) if (!documented.has(key)) fail(ctx, [key], 'is not a policy field (check the spelling)');
    }),
  }).superRefine((claims, ctx) => {
    // The not-returned resolutions are a subset of the Amazon-issued ones: any other is never reached.
    const issued = new Set(claims.amazonIssuedResolutions.map(codeOf));
    claims.notReturnedResolutions.forEach((resolution, i) => {
      if (!issued.has(codeOf(resolution))) fail(ctx, ['notReturnedResolutions', i], `must also be in amazonIssuedResolutions (${resolution} is not)`);
    });
  });
}

/** The thresholds the claims reconciliation weighs claims with (`ClaimsPolicy`, docs/claims.md). */
export const claimsSchema = buildClaimsSchema();

/** The claims thresholds, defaulted for a policy stored before they existed (a fresh deep copy each time, as for disposition). */
export const claimsWithDefault = claimsSchema.default(
  () => JSON.parse(JSON.stringify(defaultClaimsPolicy)) as z.output<typeof claimsSchema>,
);
