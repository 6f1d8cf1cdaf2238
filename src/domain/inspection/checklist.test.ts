import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import { checklistItems } from './checklist.js';
import type { InspectionChecklistPolicy } from './checklist-policy.js';
import { defaultInspectionChecklists, requiredItemsFor } from './checklist-policy.js';
import { parseInspectionAnswers } from './parse-answers.js';

describe('requiredItemsFor (default checklists)', () => {
  const base = ['unitPresent', 'outerBox', 'matchesListing', 'retailPackaging', 'seal', 'accessoriesMissing', 'signsOfUse', 'damage'];

  it('asks every product the parcel, identity-by-listing, packaging, accessories and condition items', () => {
    expect(requiredItemsFor(defaultInspectionChecklists, 'Kitchen')).toEqual(base);
    expect(requiredItemsFor(defaultInspectionChecklists, null)).toEqual(base);
    expect(requiredItemsFor(defaultInspectionChecklists, undefined)).toEqual(base);
    expect(requiredItemsFor(defaultInspectionChecklists, '  ')).toEqual(base);
  });

  it('requires a function test and the serial check for electronics, in checklist order', () => {
    expect(requiredItemsFor(defaultInspectionChecklists, 'electronics')).toEqual([
      'unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal',
      'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest',
    ]);
  });

  it('does not require a function test, serial or seal for apparel', () => {
    const apparel = requiredItemsFor(defaultInspectionChecklists, 'apparel');
    expect(apparel).not.toContain('functionTest');
    expect(apparel).not.toContain('identityMatches');
    expect(apparel).not.toContain('seal');
    expect(apparel).toContain('signsOfUse');
  });

  it('matches the seller\'s category text ignoring case and surrounding spaces, and Chinese names', () => {
    const electronics = requiredItemsFor(defaultInspectionChecklists, 'electronics');
    expect(requiredItemsFor(defaultInspectionChecklists, ' Electronics ')).toEqual(electronics);
    expect(requiredItemsFor(defaultInspectionChecklists, '电子产品')).toEqual(electronics);
    expect(requiredItemsFor(defaultInspectionChecklists, '服装')).toEqual(requiredItemsFor(defaultInspectionChecklists, 'apparel'));
  });
});

describe('requiredItemsFor (a seller policy)', () => {
  const policy: InspectionChecklistPolicy = {
    required: ['damage'],
    categories: [
      { productCategories: ['Toys'], required: ['functionTest', 'signsOfUse'] },
      { productCategories: ['toys'], required: ['seal'] },
    ],
  };

  it('always asks unitPresent, even when the policy leaves it out', () => {
    expect(requiredItemsFor(policy, 'Garden')).toEqual(['unitPresent', 'damage']);
  });

  it('replaces the default list with the category list (does not add to it); the first entry wins', () => {
    expect(requiredItemsFor(policy, 'TOYS')).toEqual(['unitPresent', 'signsOfUse', 'functionTest']);
  });

  it('returns each item once', () => {
    const twice: InspectionChecklistPolicy = { required: ['unitPresent', 'damage', 'damage'], categories: [] };
    expect(requiredItemsFor(twice, null)).toEqual(['unitPresent', 'damage']);
  });
});

describe('parseInspectionAnswers', () => {
  it('returns typed answers for valid input, normalising typed text', () => {
    expect(parseInspectionAnswers({
      unitPresent: 'yes', outerBox: 'Damaged', matchesListing: true, identityMatches: 'FALSE',
      retailPackaging: 'opened-intact', seal: ' none ', accessoriesMissing: 'charger; cable|charger',
      signsOfUse: 'light', damage: 'cosmetic minor', functionTest: 'not_tested',
    })).toEqual({
      unitPresent: true, outerBox: 'damaged', matchesListing: true, identityMatches: false,
      retailPackaging: 'opened_intact', seal: 'none', accessoriesMissing: ['charger', 'cable'],
      signsOfUse: 'light', damage: 'cosmetic_minor', functionTest: 'not_tested',
    });
  });

  it('treats null and undefined as not answered', () => {
    expect(parseInspectionAnswers({ unitPresent: true, seal: null, damage: undefined })).toEqual({ unitPresent: true });
  });

  it('keeps an accessory list given as an array, trimmed, without blanks', () => {
    expect(parseInspectionAnswers({ accessoriesMissing: [' manual ', '', 'cable'] })).toEqual({ accessoriesMissing: ['manual', 'cable'] });
  });

  it.each([null, 'sealed', 42, ['unitPresent']])('refuses %j as answers', (raw) => {
    const error = errorOf(() => parseInspectionAnswers(raw));
    expect(error.code).toBe('invalid_input');
    expect(error.details.problems).toEqual([expect.objectContaining({ kind: 'not_an_object', item: null })]);
  });

  it('names the item and its allowed values for a bad value', () => {
    const error = errorOf(() => parseInspectionAnswers({ seal: 'cracked' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('seal: "cracked" is not one of intact, broken, none');
    expect(error.details.problems).toEqual([
      { kind: 'invalid_value', item: 'seal', message: 'seal: "cracked" is not one of intact, broken, none', allowed: ['intact', 'broken', 'none'] },
    ]);
  });

  it('collects every problem into one error: bad values of each kind and unknown keys', () => {
    const error = errorOf(() => parseInspectionAnswers({
      unitPresent: 'maybe', retailPackaging: 3, accessoriesMissing: [1], signOfUse: 'none', functionTest: 'passed',
    }));
    const problems = error.details.problems as { kind: string; item: string; allowed?: readonly string[] }[];
    expect(problems.map((p) => [p.kind, p.item])).toEqual([
      ['invalid_value', 'unitPresent'], ['invalid_value', 'retailPackaging'], ['invalid_value', 'accessoriesMissing'],
      ['unknown_item', 'signOfUse'], ['invalid_value', 'functionTest'],
    ]);
    expect(problems[0]?.allowed).toEqual(['true', 'false']);
    expect(problems[1]?.allowed).toEqual(['sealed', 'opened_intact', 'damaged', 'missing']);
    expect(problems[3]?.allowed).toEqual(checklistItems);
    expect(error.message).toContain('"signOfUse" is not a checklist item');
    expect(error.message).toContain('functionTest: "passed" is not one of pass, fail, not_tested');
  });
});
