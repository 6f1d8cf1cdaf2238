import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import type { InspectionAnswers } from './checklist.js';
import type { InspectionChecklistPolicy } from './checklist-policy.js';
import { defaultInspectionChecklists } from './checklist-policy.js';
import type { GradeInspectionOptions } from './grade.js';
import { gradeInspection, inspectionRules } from './grade.js';
import type { InspectionGrade } from './inspection-grades.js';
import { conditionGradeOf, inspectionGrades } from './inspection-grades.js';
import { ruleTextOf } from './inspection-rules.js';

const electronics: GradeInspectionOptions = {
  checklistPolicy: defaultInspectionChecklists,
  productCategory: 'electronics',
  expectedAccessories: ['charger', 'USB cable', 'manual'],
};

// Every electronics item answered: an opened unit that is as new and works.
const likeNew: InspectionAnswers = {
  unitPresent: true, outerBox: 'intact', matchesListing: true, identityMatches: true,
  retailPackaging: 'opened_intact', seal: 'broken', accessoriesMissing: [],
  signsOfUse: 'none', damage: 'none', functionTest: 'pass',
};

type Case = [ruleId: string, grade: InspectionGrade, answers: InspectionAnswers, findings: string[]];

const cases: Case[] = [
  ['unit_missing', 'missing', { unitPresent: false, outerBox: 'damaged' }, ['unitPresent:false', 'outerBox:damaged']],
  ['not_listed_product', 'wrong_item', { ...likeNew, matchesListing: false }, ['matchesListing:false', 'retailPackaging:opened_intact', 'seal:broken']],
  ['identity_mismatch', 'wrong_item', { ...likeNew, identityMatches: false }, ['identityMatches:false', 'retailPackaging:opened_intact', 'seal:broken']],
  ['function_test_failed', 'unsellable_defective', { ...likeNew, functionTest: 'fail' }, ['retailPackaging:opened_intact', 'seal:broken', 'functionTest:fail']],
  ['functional_damage', 'unsellable_defective', { ...likeNew, damage: 'functional' }, ['retailPackaging:opened_intact', 'seal:broken', 'damage:functional']],
  ['worn_and_damaged', 'unsellable_damaged', { ...likeNew, signsOfUse: 'heavy', damage: 'cosmetic_major' },
    ['retailPackaging:opened_intact', 'seal:broken', 'signsOfUse:heavy', 'damage:cosmetic_major']],
  ['worn_without_packaging', 'unsellable_damaged', { ...likeNew, signsOfUse: 'heavy', retailPackaging: 'missing' },
    ['retailPackaging:missing', 'seal:broken', 'signsOfUse:heavy']],
  ['worn_without_packaging', 'unsellable_damaged', { ...likeNew, damage: 'cosmetic_major', retailPackaging: 'damaged' },
    ['retailPackaging:damaged', 'seal:broken', 'damage:cosmetic_major']],
  ['heavy_use', 'used_acceptable', { ...likeNew, signsOfUse: 'heavy' }, ['retailPackaging:opened_intact', 'seal:broken', 'signsOfUse:heavy']],
  ['major_cosmetic_damage', 'used_acceptable', { ...likeNew, damage: 'cosmetic_major' }, ['retailPackaging:opened_intact', 'seal:broken', 'damage:cosmetic_major']],
  ['accessories_missing', 'used_acceptable', { ...likeNew, accessoriesMissing: ['usb cable', 'charger'] },
    ['retailPackaging:opened_intact', 'seal:broken', 'accessoriesMissing:USB cable', 'accessoriesMissing:charger']],
  ['packaging_damaged_or_missing', 'used_acceptable', { ...likeNew, retailPackaging: 'damaged' }, ['retailPackaging:damaged', 'seal:broken']],
  ['packaging_damaged_or_missing', 'used_acceptable', { ...likeNew, retailPackaging: 'missing' }, ['retailPackaging:missing', 'seal:broken']],
  ['moderate_use', 'used_good', { ...likeNew, signsOfUse: 'moderate' }, ['retailPackaging:opened_intact', 'seal:broken', 'signsOfUse:moderate']],
  ['light_use', 'used_very_good', { ...likeNew, signsOfUse: 'light' }, ['retailPackaging:opened_intact', 'seal:broken', 'signsOfUse:light']],
  ['minor_cosmetic_damage', 'used_very_good', { ...likeNew, damage: 'cosmetic_minor' }, ['retailPackaging:opened_intact', 'seal:broken', 'damage:cosmetic_minor']],
  ['sealed_new', 'new', { ...likeNew, retailPackaging: 'sealed', seal: 'intact', functionTest: 'not_tested' }, ['functionTest:not_tested']],
  ['sealed_new', 'new', { ...likeNew, retailPackaging: 'sealed', seal: 'none', outerBox: 'damaged' }, ['outerBox:damaged']],
  ['opened_untested', 'used_very_good', { ...likeNew, functionTest: 'not_tested' }, ['retailPackaging:opened_intact', 'seal:broken', 'functionTest:not_tested']],
  ['opened_like_new', 'used_like_new', likeNew, ['retailPackaging:opened_intact', 'seal:broken']],
  ['opened_like_new', 'used_like_new', { ...likeNew, seal: 'none' }, ['retailPackaging:opened_intact']],
];

describe('gradeInspection: every rule', () => {
  it.each(cases)('%s gives %s', (ruleId, grade, answers, findings) => {
    const result = gradeInspection(answers, electronics);
    const rule = inspectionRules.find((r) => r.id === ruleId);
    expect(result).toEqual({ grade, ruleId, rule: { en: rule?.en, zh: rule?.zh }, findings, conditionGrade: conditionGradeOf[grade] });
    expect(rule?.grade).toBe(grade);
  });

  it('the table reaches every rule id and every grade', () => {
    expect(new Set(cases.map(([ruleId]) => ruleId))).toEqual(new Set(inspectionRules.map((r) => r.id)));
    expect(new Set(cases.map(([, grade]) => grade))).toEqual(new Set(inspectionGrades));
  });

  it('lists each rule once, with its grade and both texts', () => {
    expect(new Set(inspectionRules.map((r) => r.id)).size).toBe(inspectionRules.length);
    for (const rule of inspectionRules) {
      expect(inspectionGrades).toContain(rule.grade);
      expect(rule.en.length).toBeGreaterThan(10);
      expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(inspectionRules.at(-1)?.id).toBe('opened_like_new');
  });
});

describe('gradeInspection: rule order (first match wins)', () => {
  const grade = (answers: InspectionAnswers) => gradeInspection(answers, electronics);

  it('an empty box is missing even if every other answer says wrong, broken and damaged', () => {
    const result = grade({
      unitPresent: false, outerBox: 'damaged', matchesListing: false, identityMatches: false, retailPackaging: 'damaged',
      seal: 'broken', accessoriesMissing: ['charger'], signsOfUse: 'heavy', damage: 'functional', functionTest: 'fail',
    });
    expect([result.grade, result.ruleId]).toEqual(['missing', 'unit_missing']);
    expect(result.findings).toContain('damage:functional');
  });

  it('a swapped item is a wrong item even when it is broken', () => {
    expect(grade({ ...likeNew, matchesListing: false, functionTest: 'fail', damage: 'functional' }).ruleId).toBe('not_listed_product');
    expect(grade({ ...likeNew, identityMatches: false, signsOfUse: 'heavy', damage: 'cosmetic_major' }).ruleId).toBe('identity_mismatch');
  });

  it('a failed test decides before functional damage, and both before wear', () => {
    expect(grade({ ...likeNew, functionTest: 'fail', damage: 'functional' }).ruleId).toBe('function_test_failed');
    expect(grade({ ...likeNew, damage: 'functional', signsOfUse: 'heavy', retailPackaging: 'missing' }).ruleId).toBe('functional_damage');
  });

  it('the lowest cap wins: missing accessories make light use Acceptable, not Very Good', () => {
    expect(grade({ ...likeNew, signsOfUse: 'light', accessoriesMissing: ['manual'] }).grade).toBe('used_acceptable');
    expect(grade({ ...likeNew, signsOfUse: 'moderate', damage: 'cosmetic_minor' }).ruleId).toBe('moderate_use');
    expect(grade({ ...likeNew, signsOfUse: 'light', damage: 'cosmetic_minor' }).ruleId).toBe('light_use');
  });

  it('a sealed box is not New when the unit inside shows use, damage or missing parts', () => {
    const sealed: InspectionAnswers = { ...likeNew, retailPackaging: 'sealed', seal: 'intact' };
    expect(grade({ ...sealed, signsOfUse: 'light' }).grade).toBe('used_very_good');
    expect(grade({ ...sealed, damage: 'cosmetic_minor' }).grade).toBe('used_very_good');
    expect(grade({ ...sealed, accessoriesMissing: ['charger'] }).grade).toBe('used_acceptable');
  });

  it('a broken seal is not New even if the packaging looks sealed', () => {
    expect(grade({ ...likeNew, retailPackaging: 'sealed', seal: 'broken' }).ruleId).toBe('opened_like_new');
    expect(grade({ ...likeNew, retailPackaging: 'sealed', seal: 'broken', functionTest: 'not_tested' }).ruleId).toBe('opened_untested');
  });
});

describe('gradeInspection: per-category checklists', () => {
  const apparel: GradeInspectionOptions = { checklistPolicy: defaultInspectionChecklists, productCategory: 'Apparel', expectedAccessories: [] };
  const shirt: InspectionAnswers = {
    unitPresent: true, outerBox: 'intact', matchesListing: true, retailPackaging: 'opened_intact', signsOfUse: 'none', damage: 'none',
  };

  it('grades apparel without a function test, serial or seal', () => {
    expect(gradeInspection(shirt, apparel).grade).toBe('used_like_new');
    expect(gradeInspection({ ...shirt, retailPackaging: 'sealed' }, apparel).grade).toBe('new');
  });

  it('the same answers are incomplete for electronics', () => {
    const error = errorOf(() => gradeInspection(shirt, { ...electronics, productCategory: 'Electronics' }));
    expect(error.details.missing).toEqual(['identityMatches', 'seal', 'accessoriesMissing', 'functionTest']);
  });

  it('never grades New when the packaging was not asked and not answered', () => {
    const noPackaging: InspectionChecklistPolicy = { required: ['unitPresent', 'signsOfUse', 'damage'], categories: [] };
    const result = gradeInspection({ unitPresent: true, signsOfUse: 'none', damage: 'none' }, { ...apparel, checklistPolicy: noPackaging });
    expect([result.grade, result.findings]).toEqual(['used_like_new', []]);
  });
});

describe('gradeInspection: errors', () => {
  it('lists every missing required item at once, in checklist order', () => {
    const error = errorOf(() => gradeInspection({}, electronics));
    expect(error.code).toBe('invalid_input');
    expect(error.details.missing).toEqual([
      'unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal',
      'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest',
    ]);
    expect(error.message).toContain('missing answers: unitPresent, outerBox, matchesListing, identityMatches, retailPackaging, seal, accessoriesMissing, signsOfUse, damage, functionTest');
  });

  it('reports missing items, bad values and unknown accessories together, a bad value not also as missing', () => {
    const { damage: _damage, signsOfUse: _use, ...rest } = likeNew;
    const error = errorOf(() => gradeInspection({ ...rest, seal: 'cracked', accessoriesMissing: ['remote', 'charger'] } as unknown as InspectionAnswers, electronics));
    expect(error.details.missing).toEqual(['signsOfUse', 'damage']);
    const problems = error.details.problems as { kind: string; item: string; allowed?: readonly string[] }[];
    expect(problems.map((p) => [p.kind, p.item])).toEqual([
      ['missing', 'signsOfUse'], ['missing', 'damage'], ['invalid_value', 'seal'], ['unknown_accessory', 'accessoriesMissing'],
    ]);
    expect(problems[2]?.allowed).toEqual(['intact', 'broken', 'none']);
    expect(problems[3]?.allowed).toEqual(['charger', 'USB cable', 'manual']);
    expect(error.message).toContain('accessoriesMissing: "remote" is not an accessory of this SKU (expected: charger, USB cable, manual)');
  });

  it('an unknown accessory is an error even for a SKU that expects none', () => {
    const error = errorOf(() => gradeInspection({ ...likeNew, accessoriesMissing: ['charger'] }, { ...electronics, expectedAccessories: [] }));
    expect(error.message).toContain('"charger" is not an accessory of this SKU (this SKU expects no accessories)');
  });

  it('does not ask for accessories when the SKU expects none', () => {
    const { accessoriesMissing: _none, ...rest } = likeNew;
    expect(gradeInspection(rest, { ...electronics, expectedAccessories: [] }).grade).toBe('used_like_new');
    expect(errorOf(() => gradeInspection(rest, electronics)).details.missing).toEqual(['accessoriesMissing']);
  });

  it('asks only about the parcel when it came back empty', () => {
    expect(gradeInspection({ unitPresent: false, outerBox: 'intact' }, electronics).grade).toBe('missing');
    expect(errorOf(() => gradeInspection({ unitPresent: false }, electronics)).details.missing).toEqual(['outerBox']);
  });

  it('asks only about the parcel and identity when the unit is not the seller\'s', () => {
    const parcel: InspectionAnswers = { unitPresent: true, outerBox: 'intact' };
    expect(gradeInspection({ ...parcel, matchesListing: false, identityMatches: false }, electronics).grade).toBe('wrong_item');
    expect(errorOf(() => gradeInspection({ ...parcel, matchesListing: false }, electronics)).details.missing).toEqual(['identityMatches']);
  });

  it('checks loose data passed straight in', () => {
    expect(errorOf(() => gradeInspection('all fine' as unknown as InspectionAnswers, electronics)).details.problems)
      .toEqual([expect.objectContaining({ kind: 'not_an_object' })]);
    const loose = { ...likeNew, unitPresent: 'yes', signsOfUse: 'Light' } as unknown as InspectionAnswers;
    expect(gradeInspection(loose, electronics).ruleId).toBe('light_use');
  });
});

describe('a stored inspection\'s rule sentence', () => {
  it('is its rule\'s, in both languages, and names a rule that no longer exists', () => {
    const [first] = inspectionRules;
    expect(ruleTextOf(first!.id)).toEqual({ en: first!.en, zh: first!.zh });
    expect(ruleTextOf('renamed-rule')).toEqual({ en: 'Graded by rule renamed-rule.', zh: '按规则 renamed-rule 评级。' });
  });
});
