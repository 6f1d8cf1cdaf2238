import { z } from 'zod';
import { defaultPreventionPolicy } from '../domain/prevention/prevention-policy.js';
import { maxFollowUpWeeks } from '../domain/prevention/purchase-weeks.js';
import { amazonNumber, bps, fail, money, perMarketplace } from './policy-schema-parts.js';

// The prevention section of the policy (issue 6): the confidence and sample sizes of return-rate
// figures, the weeks spikes and fixes compare, and the FBA returns fee thresholds (`PreventionPolicy`,
// docs/prevention.md). Fields added after the section first shipped take their default when absent,
// so a policy stored before them still loads.

const defaults = defaultPreventionPolicy;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const weeks = z.number().int().min(1).max(104);
// Effective-dated per category: two entries of one category may not start on the same day.
const thresholds = z.array(z.strictObject({ ...amazonNumber, category: z.string().trim().min(1), thresholdBps: bps })).superRefine((entries, ctx) => {
  entries.forEach((e, index) => {
    if (e.effectiveTo !== undefined && e.effectiveTo <= e.effectiveFrom) fail(ctx, [index, 'effectiveTo'], `must be after effectiveFrom ${e.effectiveFrom}`);
    const same = (other: typeof e) => other.category.toLowerCase() === e.category.toLowerCase() && other.effectiveFrom === e.effectiveFrom;
    if (entries.findIndex(same) < index) fail(ctx, [index, 'effectiveFrom'], `another ${e.category} entry already starts on ${e.effectiveFrom}`);
  });
});

function buildPreventionSchema() {
  // A normal quantile between 80% (1.28) and 99.99% (3.9): beyond either end a verdict means little.
  const quantile = z.number().min(1.28).max(3.9);
  const fields = {
    confidenceZ: quantile,
    spikeZ: quantile,
    smallSampleUnits: z.number().int().min(1).max(1_000_000),
    spikeMinReturns: z.number().int().min(1).max(1_000_000),
    followUpWeeks: z.number().int().min(1).max(maxFollowUpWeeks).default(defaults.followUpWeeks),
    spikeRecentWeeks: weeks.default(defaults.spikeRecentWeeks),
    spikeBaselineWeeks: weeks.default(defaults.spikeBaselineWeeks),
    fixWindowWeeks: weeks.default(defaults.fixWindowWeeks),
    monthFollowUpDays: z.number().int().min(0).max(365).default(defaults.monthFollowUpDays),
    returnsFeeThresholds: thresholds.default(() => copy([...defaults.returnsFeeThresholds])),
    returnsFeeMinShippedUnits: z.number().int().min(0).max(1_000_000).default(defaults.returnsFeeMinShippedUnits),
    returnsFeePerUnit: perMarketplace(money, (fee) => [[['currency'], fee.currency]]).default(() => ({})),
  };
  const documented: ReadonlySet<string> = new Set(Object.keys(fields));
  return z.strictObject({
    ...fields,
    sources: z.record(z.string(), z.string().trim().min(1)).superRefine((sources, ctx) => {
      for (const key of Object.keys(sources)) if (!documented.has(key)) fail(ctx, [key], 'is not a policy field (check the spelling)');
    }),
  });
}

/** The confidence and sample sizes of prevention figures (`PreventionPolicy`). */
export const preventionSchema = buildPreventionSchema();

/** The prevention settings, defaulted for a policy stored before they existed (a fresh copy each time). */
export const preventionWithDefault = preventionSchema.default(() => copy(defaultPreventionPolicy) as z.output<typeof preventionSchema>);
