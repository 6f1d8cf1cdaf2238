import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { conditionGrades } from '../policy/policy.js';
import type { ConditionGrade, GradeProbabilities } from '../policy/policy.js';
import { addTallies, emptyTally, historyLevels, learnOdds, priorOdds, subtractTallies } from './learning.js';
import type { HistoryLevel, OutcomeHistory, OutcomeTally } from './learning.js';

const priors = {
  saveOfferAcceptance: [0.2, 0.35, 0.5],
  grades: { new: 0.5, good: 0.3, unsellable: 0.2 } as GradeProbabilities,
};

const tally = (offers: OutcomeTally['offers'], grades: OutcomeTally['grades'] = {}): OutcomeTally => ({ offers, grades });

const sumOf = (grades: GradeProbabilities): number => conditionGrades.reduce((sum, grade) => sum + (grades[grade] ?? 0), 0);

const expectInvalidInput = (run: () => unknown, message: RegExp): void => {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isDomainError(thrown) && thrown.code).toBe('invalid_input');
  expect((thrown as Error).message).toMatch(message);
};

describe('learnOdds', () => {
  it('passes the priors through when there is no history, with prior sources', () => {
    const learned = learnOdds(priors, {}, 10);
    expect(learned).toEqual(priorOdds(priors));
    expect(learned.saveOfferAcceptance.map((p) => p.probability)).toEqual([0.2, 0.35, 0.5]);
    expect(learned.saveOfferAcceptance.every((p) => p.source.from === 'prior' && p.source.level === undefined)).toBe(true);
    expect(learned.grades).toEqual({ probabilities: priors.grades, source: { from: 'prior', observations: {} } });
  });

  it('shrinks acceptance level by level: (w·parent + accepted) / (w + n)', () => {
    // Step 0, prior 0.2, w = 10: reason 10 of 10 accepted → (2 + 10) / 20 = 0.6; the SKU's 1 of 1 → (6 + 1) / 11.
    const history: OutcomeHistory = { reason: tally([{ accepted: 10, declined: 0 }]), sku: tally([{ accepted: 1, declined: 0 }]) };
    expect(learnOdds(priors, { reason: history.reason }, 10).saveOfferAcceptance[0]!.probability).toBeCloseTo(0.6, 12);
    const step0 = learnOdds(priors, history, 10).saveOfferAcceptance[0]!;
    expect(step0.probability).toBeCloseTo(7 / 11, 12);
    expect(step0.source).toEqual({ from: 'data', observations: { reason: 10, sku: 1 }, level: 'sku' });
  });

  it('learns each ladder step from its own outcomes, and ignores steps beyond the ladder', () => {
    const history: OutcomeHistory = {
      category: tally([{ accepted: 0, declined: 0 }, { accepted: 1, declined: 4 }, { accepted: 0, declined: 0 }, { accepted: 99, declined: 0 }]),
    };
    const learned = learnOdds(priors, history, 5);
    expect(learned.saveOfferAcceptance).toHaveLength(3);
    expect(learned.saveOfferAcceptance[0]!.probability).toBe(0.2);
    expect(learned.saveOfferAcceptance[1]!.probability).toBeCloseTo((5 * 0.35 + 1) / 10, 12);
    expect(learned.saveOfferAcceptance[1]!.source).toEqual({ from: 'data', observations: { category: 5 }, level: 'category' });
    expect(learned.saveOfferAcceptance[2]!.source).toEqual({ from: 'prior', observations: {} });
  });

  it('shrinks the grade vector as a Dirichlet, adding grades the prior left out once observed', () => {
    // w = 10. Reason: new 2, good 6, unsellable 2 (n = 10) → new 7/20, good 9/20, unsellable 4/20.
    // Category: like_new 5 (n = 5) → new 3.5/15, good 4.5/15, unsellable 2/15, like_new 5/15.
    const history: OutcomeHistory = { reason: tally([], { new: 2, good: 6, unsellable: 2 }), category: tally([], { like_new: 5 }) };
    const { probabilities, source } = learnOdds(priors, history, 10).grades;
    expect(Object.keys(probabilities).sort()).toEqual(['good', 'like_new', 'new', 'unsellable']);
    expect(probabilities.new).toBeCloseTo(3.5 / 15, 12);
    expect(probabilities.good).toBeCloseTo(4.5 / 15, 12);
    expect(probabilities.unsellable).toBeCloseTo(2 / 15, 12);
    expect(probabilities.like_new).toBeCloseTo(5 / 15, 12);
    expect(sumOf(probabilities)).toBeCloseTo(1, 12);
    expect(source).toEqual({ from: 'data', observations: { reason: 10, category: 5 }, level: 'category' });
  });

  it('leaves grades with prior 0 and no observations absent', () => {
    const { probabilities } = learnOdds(priors, { sku: tally([], { new: 3 }) }, 10).grades;
    expect(Object.keys(probabilities).sort()).toEqual(['good', 'new', 'unsellable']);
  });

  it('treats a level with zero observations as missing: same value, not marked as data', () => {
    const zero: OutcomeHistory = { reason: tally([{ accepted: 0, declined: 0 }], { new: 0, good: 0 }), sku: tally([]) };
    expect(learnOdds(priors, zero, 10)).toEqual(priorOdds(priors));
    const withData: OutcomeHistory = { reason: tally([{ accepted: 3, declined: 1 }], { new: 4 }) };
    expect(learnOdds(priors, { ...withData, ...zero, reason: withData.reason }, 10)).toEqual(learnOdds(priors, withData, 10));
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the prior weight %s', (weight) => {
    expectInvalidInput(() => learnOdds(priors, {}, weight), /prior weight .* not a finite number above 0/);
  });

  it.each([
    ['a negative accepted count', tally([{ accepted: -1, declined: 2 }]), /accepted offers at ladder step 0/],
    ['a fractional declined count', tally([{ accepted: 0, declined: 0 }, { accepted: 1, declined: 1.5 }]), /declined offers at ladder step 1/],
    ['a negative grade count', tally([], { good: -2 }), /units graded good/],
    ['an unknown grade', tally([], { mint: 1 } as OutcomeTally['grades']), /"mint" is not a condition grade/],
  ])('refuses %s', (_what, bad, message) => {
    expectInvalidInput(() => learnOdds(priors, { category: bad }, 10), message);
    expectInvalidInput(() => addTallies(emptyTally(), bad), message);
  });

  it('names the level in the message, even for an offer step beyond the ladder', () => {
    expectInvalidInput(() => learnOdds(priors, { sku: tally([{ accepted: 0, declined: 0 }, { accepted: 0, declined: 0 }, { accepted: 0, declined: 0 }, { accepted: -3, declined: 0 }]) }, 10), /the sku history/);
  });
});

describe('addTallies', () => {
  it('adds offers step-wise (a missing step counts 0/0) and grades grade-wise', () => {
    const sum = addTallies(tally([{ accepted: 1, declined: 2 }], { new: 1 }), tally([{ accepted: 3, declined: 0 }, { accepted: 0, declined: 5 }], { new: 2, good: 4 }));
    expect(sum).toEqual(tally([{ accepted: 4, declined: 2 }, { accepted: 0, declined: 5 }], { new: 3, good: 4 }));
  });
});

// Properties: counts and priors drawn at random; tolerances cover the last bit of floating point rounding only.

const counts = fc.nat({ max: 60 });
const tallies: fc.Arbitrary<OutcomeTally> = fc.record({
  offers: fc.array(fc.record({ accepted: counts, declined: counts }), { maxLength: 4 }),
  grades: fc.record(Object.fromEntries(conditionGrades.map((grade) => [grade, counts])) as Record<ConditionGrade, fc.Arbitrary<number>>, { requiredKeys: [] }),
});
const histories: fc.Arbitrary<OutcomeHistory> = fc.record({ reason: tallies, category: tallies, sku: tallies }, { requiredKeys: [] });
const probability = fc.double({ min: 0, max: 1, noNaN: true });
/** A grade prior summing to 1: random non-negative weights over a random subset of grades, normalised. */
const gradePriors: fc.Arbitrary<GradeProbabilities> = fc
  .array(fc.nat({ max: 100 }), { minLength: conditionGrades.length, maxLength: conditionGrades.length })
  .filter((weights) => weights.some((w) => w > 0))
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    return Object.fromEntries(conditionGrades.flatMap((grade, i) => (weights[i]! > 0 ? [[grade, weights[i]! / total]] : [])));
  });
const priorsArb = fc.record({ saveOfferAcceptance: fc.array(probability, { minLength: 1, maxLength: 4 }), grades: gradePriors });
const weights = fc.double({ min: 0.01, max: 1000, noNaN: true });

describe('learnOdds properties', () => {
  it('keeps every probability in [0, 1] and grade vectors summing to 1', () => {
    fc.assert(fc.property(priorsArb, histories, weights, (p, history, w) => {
      const learned = learnOdds(p, history, w);
      expect(learned.saveOfferAcceptance).toHaveLength(p.saveOfferAcceptance.length);
      for (const value of [...learned.saveOfferAcceptance.map((x) => x.probability), ...Object.values(learned.grades.probabilities)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(Math.abs(sumOf(learned.grades.probabilities) - 1)).toBeLessThan(1e-9);
    }));
  });

  it('never lowers acceptance when one more accepted offer is added at any level', () => {
    const cases = fc.record({ p: priorsArb, history: histories, w: weights, level: fc.constantFrom(...historyLevels), step: fc.nat({ max: 3 }) });
    fc.assert(fc.property(cases, ({ p, history, w, level, step }) => {
      const one = tally(Array.from({ length: step + 1 }, (_, i) => ({ accepted: i === step ? 1 : 0, declined: 0 })));
      const more: OutcomeHistory = { ...history, [level]: addTallies(history[level] ?? emptyTally(), one) };
      const before = learnOdds(p, history, w).saveOfferAcceptance;
      const after = learnOdds(p, more, w).saveOfferAcceptance;
      before.forEach((b, i) => {
        expect(after[i]!.probability).toBeGreaterThanOrEqual(b.probability - 1e-12);
      });
    }));
  });

  it('pulls the estimate toward the observed rate, the more so the more observations', () => {
    const cases = fc.record({ prior: probability, accepted: counts, declined: counts, w: weights, scale: fc.integer({ min: 2, max: 20 }), level: fc.constantFrom<HistoryLevel>(...historyLevels) });
    fc.assert(fc.property(cases.filter((c) => c.accepted + c.declined > 0), ({ prior, accepted, declined, w, scale, level }) => {
      const rate = accepted / (accepted + declined);
      const estimate = (k: number) => learnOdds({ saveOfferAcceptance: [prior], grades: {} }, { [level]: tally([{ accepted: k * accepted, declined: k * declined }]) }, w).saveOfferAcceptance[0]!.probability;
      expect(estimate(1)).toBeGreaterThanOrEqual(Math.min(prior, rate) - 1e-12);
      expect(estimate(1)).toBeLessThanOrEqual(Math.max(prior, rate) + 1e-12);
      expect(Math.abs(estimate(scale) - rate)).toBeLessThanOrEqual(Math.abs(estimate(1) - rate) + 1e-12);
    }));
  });
});

describe('addTallies properties', () => {
  it('is commutative', () => {
    fc.assert(fc.property(tallies, tallies, (a, b) => {
      expect(addTallies(a, b)).toEqual(addTallies(b, a));
    }));
  });

  it('has emptyTally as its identity', () => {
    fc.assert(fc.property(tallies, (a) => {
      expect(addTallies(a, emptyTally())).toEqual(a);
    }));
  });
});

describe('subtractTallies', () => {
  it('takes a part out of the whole, step by step and grade by grade', () => {
    const whole = { offers: [{ accepted: 5, declined: 3 }, { accepted: 1, declined: 0 }], grades: { new: 4, good: 2 } };
    const part = { offers: [{ accepted: 2, declined: 3 }], grades: { good: 2 } };
    expect(subtractTallies(whole, part)).toEqual({ offers: [{ accepted: 3, declined: 0 }, { accepted: 1, declined: 0 }], grades: { new: 4, good: 0 } });
  });

  it('refuses a part that is not inside the whole', () => {
    expect(() => subtractTallies({ offers: [], grades: { new: 1 } }, { offers: [], grades: { new: 2 } }))
      .toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
