import { z } from 'zod';
import { findMarketplace, marketplaceCodes } from '../domain/marketplaces.js';
import { isKnownCurrency } from '../domain/money.js';

// The building blocks of the policy schema, shared by its sections (policy-schema.ts and
// policy-schema-returns.ts): a module of their own, so neither section imports the other's half-built module.

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
