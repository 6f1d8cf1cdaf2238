import { z } from 'zod';
import { defaultPreventionPolicy } from '../domain/prevention/prevention-policy.js';
import { fail } from './policy-schema-parts.js';

// The prevention section of the policy (issue 6): the confidence and sample sizes of return-rate
// figures (`PreventionPolicy`, docs/prevention.md).

function buildPreventionSchema() {
  // A normal quantile between 80% (1.28) and 99.99% (3.9): beyond either end a verdict means little.
  const quantile = z.number().min(1.28).max(3.9);
  const fields = {
    confidenceZ: quantile,
    spikeZ: quantile,
    smallSampleUnits: z.number().int().min(1).max(1_000_000),
    spikeMinReturns: z.number().int().min(1).max(1_000_000),
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
export const preventionWithDefault = preventionSchema.default(
  () => JSON.parse(JSON.stringify(defaultPreventionPolicy)) as z.output<typeof preventionSchema>,
);
