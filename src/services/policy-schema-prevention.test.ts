import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { defaultPreventionPolicy } from '../domain/prevention/prevention-policy.js';
import type { PreventionPolicy } from '../domain/prevention/prevention-policy.js';
import { validatePolicy } from './policy.js';
import type { preventionSchema } from './policy-schema-prevention.js';

const errorsOf = (value: unknown) => {
  const result = validatePolicy(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('the prevention section of the policy', () => {
  const withPrevention = (change: (p: z.output<typeof preventionSchema>) => void) => {
    const p = JSON.parse(JSON.stringify(defaultPreventionPolicy)) as z.output<typeof preventionSchema>;
    change(p);
    return { ...defaultPolicy, prevention: p };
  };

  it('mirrors PreventionPolicy', () => {
    expectTypeOf<z.output<typeof preventionSchema>>().toExtend<PreventionPolicy>();
    expectTypeOf<keyof z.output<typeof preventionSchema>>().toEqualTypeOf<keyof PreventionPolicy>();
  });

  it('accepts the default, which round-trips unchanged', () => {
    expect(defaultPolicy.prevention).toBe(defaultPreventionPolicy);
    const result = validatePolicy(JSON.parse(JSON.stringify(defaultPolicy)));
    expect(result.ok && result.policy.prevention).toEqual(defaultPreventionPolicy);
  });

  it('gives a policy stored before the section existed the default, a fresh copy each time', () => {
    const { prevention: _left, ...older } = defaultPolicy;
    const first = validatePolicy(older);
    const second = validatePolicy(older);
    expect(first.ok && first.policy.prevention).toEqual(defaultPreventionPolicy);
    expect(first.ok && second.ok && first.policy.prevention !== second.policy.prevention).toBe(true);
  });

  it('fills the week and returns-fee fields of a section stored before they existed', () => {
    const { confidenceZ, spikeZ, smallSampleUnits, spikeMinReturns, sources } = defaultPreventionPolicy;
    const result = validatePolicy({ ...defaultPolicy, prevention: { confidenceZ, spikeZ, smallSampleUnits, spikeMinReturns, sources } });
    expect(result.ok && result.policy.prevention).toEqual(defaultPreventionPolicy);
  });

  it.each([
    ['a follow-up longer than the rollups keep', (p: z.output<typeof preventionSchema>) => { p.followUpWeeks = 5; }, 'prevention.followUpWeeks: must be at most 4'],
    ['two thresholds of one category from one day', (p: z.output<typeof preventionSchema>) => { p.returnsFeeThresholds.push({ ...p.returnsFeeThresholds[0]!, category: 'grocery', thresholdBps: 300 }); },
      'prevention.returnsFeeThresholds[5].effectiveFrom: another grocery entry already starts on 2024-06-01'],
    ['a threshold above 100%', (p: z.output<typeof preventionSchema>) => { p.returnsFeeThresholds[0]!.thresholdBps = 12000; }, 'prevention.returnsFeeThresholds[0].thresholdBps: must be at most 10000'],
    ['a fee per unit in another currency', (p: z.output<typeof preventionSchema>) => { p.returnsFeePerUnit = { US: { amountMinor: 350, currency: 'EUR' } }; },
      'prevention.returnsFeePerUnit.US.currency: must be USD, the currency of US'],
    ['a confidence beyond 99.99%', (p: z.output<typeof preventionSchema>) => { p.confidenceZ = 5; }, 'prevention.confidenceZ: must be at most 3.9'],
    ['a spike threshold below 80%', (p: z.output<typeof preventionSchema>) => { p.spikeZ = 1; }, 'prevention.spikeZ: must be at least 1.28'],
    ['a fractional sample size', (p: z.output<typeof preventionSchema>) => { p.smallSampleUnits = 2.5; }, 'prevention.smallSampleUnits: must be a whole number'],
    ['a misspelt key', (p: z.output<typeof preventionSchema>) => { Object.assign(p, { spikeMinReturn: 3 }); }, 'prevention.spikeMinReturn: is not a policy field (check the spelling)'],
    ['a source for a misspelt field', (p: z.output<typeof preventionSchema>) => { p.sources.spikeZed = '[seller]'; }, 'prevention.sources.spikeZed: is not a policy field (check the spelling)'],
  ])('refuses %s', (_name, change, error) => {
    expect(errorsOf(withPrevention(change))).toEqual([error]);
  });
});
