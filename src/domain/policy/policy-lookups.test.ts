import { describe, expect, it } from 'vitest';
import { defaultPolicy, defaultUsRemovalFees } from './default-policy.js';
import { amazonNumberAt, deadlineRulesFor, gradePriorFor, priceByWeight } from './policy-lookups.js';
import type { Policy } from './policy.js';

const entries = [
  { effectiveFrom: '2021-01-01', source: 'a', value: 25 },
  { effectiveFrom: '2026-01-15', source: 'c', value: 84 },
  { effectiveFrom: '2022-03-01', effectiveTo: '2026-01-15', source: 'b', value: 52 },
];

describe('amazonNumberAt', () => {
  it.each([
    ['2020-12-31', undefined],
    ['2021-01-01', 25],
    ['2022-02-28', 25],
    ['2022-03-01', 52],
    ['2026-01-14T23:59:59.999Z', 52],
    ['2026-01-15', 84],
    ['2030-06-01T00:00:00Z', 84],
  ])('on %s picks the entry in force (%s)', (date, value) => {
    expect(amazonNumberAt(entries, date)?.value).toBe(value);
  });

  it('finds nothing after the last entry ended', () => {
    expect(amazonNumberAt([{ effectiveFrom: '2020-01-01', effectiveTo: '2021-01-01', source: 'x' }], '2021-01-01')).toBeUndefined();
  });
});

describe('priceByWeight', () => {
  const standard = defaultUsRemovalFees[0]!.standard;
  it.each([
    [0, 84], [227, 84], [228, 153], [454, 153], [907, 227],
    [908, 289 + 106], [907 + 454, 289 + 106], [907 + 455, 289 + 212],
  ])('a %s g standard unit costs %s cents to remove in the US', (grams, cents) => {
    expect(priceByWeight(standard, grams)).toBe(cents);
  });

  it('has no price beyond a table without an open-ended tier, nor for a negative weight', () => {
    expect(priceByWeight([{ maxGrams: 100, amountMinor: 5 }], 101)).toBeUndefined();
    expect(priceByWeight(standard, -1)).toBeUndefined();
  });
});

describe('gradePriorFor', () => {
  const both = { new: 1 };
  const reason = { good: 1 };
  const product = { acceptable: 1 };
  const policy: Policy = { ...defaultPolicy, gradePriors: { default: { unsellable: 1 }, entries: [
    { reasonCategory: 'defective_quality', probabilities: reason },
    { productCategory: 'Toys', probabilities: product },
    { productCategory: 'Toys', reasonCategory: 'defective_quality', probabilities: both },
  ] } };

  it.each([
    ['Toys', 'defective_quality', both],
    ['Books', 'defective_quality', reason],
    ['Toys', 'changed_mind', product],
    [null, null, { unsellable: 1 }],
  ] as const)('for %s and %s picks the most specific prior', (category, reasonCategory, expected) => {
    expect(gradePriorFor(policy, category, reasonCategory)).toEqual(expected);
  });
});

describe('deadlineRulesFor', () => {
  it('keeps Amazon rules when the policy overrides nothing', () => {
    const rules = deadlineRulesFor(defaultPolicy);
    expect(rules.find((r) => r.id === 'manual-authorization')).toMatchObject({ hours: 24 });
  });

  it('shortens a clock but never lengthens it', () => {
    const rules = deadlineRulesFor({ ...defaultPolicy, deadlines: { manualAuthorizationHours: 12, rdrResponseHours: 72, refundBusinessDays: 1 } });
    expect(rules.find((r) => r.id === 'manual-authorization')).toMatchObject({ hours: 12 });
    expect(rules.find((r) => r.id === 'rdr-response')).toMatchObject({ hours: 48 });
    expect(rules.find((r) => r.id === 'refund-after-receipt')).toMatchObject({ days: 1 });
  });
});
