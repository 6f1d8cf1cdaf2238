import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { fixVerdict, returnRate, spikeVerdict } from './rate-verdicts.js';

describe('returnRate', () => {
  it('gives the rate with its interval, and marks a small sample', () => {
    const rate = returnRate({ returned: 3, shipped: 30 }, policy);
    expect(rate).toMatchObject({ rate: 0.1, smallSample: false });
    expect(rate.low).toBeCloseTo(0.0346, 4);
    expect(rate.high).toBeCloseTo(0.2562, 4);
    expect(returnRate({ returned: 1, shipped: 29 }, policy).smallSample).toBe(true);
  });
});

describe('spikeVerdict', () => {
  // A planted bad batch: 5% of units came back for months, then 12% in the last two weeks.
  const baseline = { returned: 100, shipped: 2000 };

  it('sees a planted rise from the SKU\'s own baseline', () => {
    const verdict = spikeVerdict({ returned: 24, shipped: 200 }, baseline, policy);
    expect(verdict.verdict).toBe('spike');
    expect(verdict.z).toBeGreaterThan(policy.spikeZ);
  });

  it('calls ordinary noise steady', () => {
    expect(spikeVerdict({ returned: 12, shipped: 200 }, baseline, policy).verdict).toBe('steady');
    // Few returns at a low rate: nothing rose, so steady rather than too few.
    expect(spikeVerdict({ returned: 2, shipped: 200 }, baseline, policy).verdict).toBe('steady');
  });

  it('judges nothing on too few returns or units, however high the rate', () => {
    expect(spikeVerdict({ returned: 4, shipped: 30 }, { returned: 20, shipped: 2000 }, policy)).toMatchObject({ verdict: 'too_few', z: expect.any(Number) });
    expect(spikeVerdict({ returned: 4, shipped: 30 }, { returned: 20, shipped: 2000 }, policy).z).toBeGreaterThan(policy.spikeZ);
    expect(spikeVerdict({ returned: 10, shipped: 20 }, baseline, policy).verdict).toBe('too_few');
    expect(spikeVerdict({ returned: 24, shipped: 200 }, { returned: 1, shipped: 10 }, policy).verdict).toBe('too_few');
  });
});

describe('fixVerdict', () => {
  it('says a fix helped when the rate fell beyond doubt', () => {
    // A size chart added: 12% of units came back before, 6% after.
    const verdict = fixVerdict({ returned: 120, shipped: 1000 }, { returned: 60, shipped: 1000 }, policy);
    expect(verdict.verdict).toBe('helped');
    expect(verdict.difference).toBeCloseTo(-0.06, 10);
    expect(verdict.high).toBeLessThan(0);
  });

  it('says it made things worse, or that it cannot tell yet', () => {
    expect(fixVerdict({ returned: 60, shipped: 1000 }, { returned: 120, shipped: 1000 }, policy).verdict).toBe('worse');
    expect(fixVerdict({ returned: 12, shipped: 100 }, { returned: 9, shipped: 100 }, policy).verdict).toBe('unclear');
    expect(fixVerdict({ returned: 12, shipped: 100 }, { returned: 0, shipped: 20 }, policy).verdict).toBe('too_few');
  });
});
