// The domain import rule is for production code; tests need their runner.
import { describe, expect, it } from 'vitest';
import {
  classifyReason, faultParties, findReasonEntry, reasonCatalog, reasonCategories, type Fault, type ReasonCategory,
} from './reasons.js';

type Expected = [code: string, category: ReasonCategory, fault: Fault, productSignal: boolean, mfnForms: string[]];

// Every code of reference §1.1 and §1.2, written out by hand from the reference (not from the catalog).
const expected: Expected[] = [
  ['UNWANTED_ITEM', 'changed_mind', 'buyer', false, ['CR-UNWANTED_ITEM', 'RO_CR-UNWANTED_ITEM']],
  ['NO_LONGER_NEEDED', 'changed_mind', 'buyer', false, []],
  ['NO_REASON_GIVEN', 'other', 'buyer', false, ['CR-NO_REASON_GIVEN']],
  ['ORDERED_WRONG_ITEM', 'ordered_wrong_item', 'buyer', false, ['CR-ORDERED_WRONG_ITEM']],
  ['MISORDERED', 'ordered_wrong_item', 'buyer', false, ['AMZ-PG-MISORDERED']],
  ['FOUND_BETTER_PRICE', 'better_price', 'buyer', false, ['CR-FOUND_BETTER_PRICE']],
  ['QUALITY_UNACCEPTABLE', 'defective_quality', 'buyer', true, ['CR-QUALITY_UNACCEPTABLE', 'RO_CR-QUALITY_UNACCEPTABLE']],
  ['NOT_COMPATIBLE', 'compatibility', 'buyer', true, ['CR-NOT_COMPATIBLE']],
  ['PART_NOT_COMPATIBLE', 'compatibility', 'buyer', true, ['CR-PART_NOT_COMPATIBLE']],
  ['EXCESSIVE_INSTALLATION', 'compatibility', 'buyer', true, ['CR-EXCESSIVE_INSTALLATION']],
  ['APPAREL_TOO_SMALL', 'size_fit', 'unknown', true, ['AMZ-PG-APP-TOO-SMALL']],
  ['APPAREL_TOO_LARGE', 'size_fit', 'unknown', true, ['AMZ-PG-APP-TOO-LARGE']],
  ['APPAREL_STYLE', 'changed_mind', 'buyer', false, ['AMZ-PG-APP-STYLE']],
  ['POOR_FIT', 'size_fit', 'unknown', true, []],
  ['DID_NOT_LIKE_COLOR', 'changed_mind', 'buyer', false, []],
  ['DID_NOT_LIKE_FABRIC', 'changed_mind', 'buyer', false, []],
  ['DEFECTIVE', 'defective_quality', 'seller', true, ['CR-DEFECTIVE', 'RO_CR-DEFECTIVE']],
  ['WARRANTY', 'defective_quality', 'seller', true, []],
  ['BAD_ITEM', 'defective_quality', 'seller', true, ['AMZ-PG-BAD-ITEM']],
  ['NOT_AS_DESCRIBED', 'not_as_described', 'seller', true, ['AMZ-PG-BAD-DESC', 'RO_AMZ-PG-BAD-DESC']],
  ['NOT_AS_PHOTO', 'not_as_described', 'seller', true, []],
  ['DIFFERENT_PRODUCT', 'not_as_described', 'seller', true, []],
  ['PRODUCT_NOT_ITALIAN', 'not_as_described', 'seller', true, []],
  ['PRODUCT_NOT_SPANISH', 'not_as_described', 'seller', true, []],
  ['MISSING_PARTS', 'missing_parts', 'seller', true, ['CR-MISSING_PARTS']],
  ['SWITCHEROO', 'wrong_item_sent', 'seller', false, ['CR-SWITCHEROO']],
  ['EXTRA_ITEM', 'wrong_item_sent', 'seller', false, ['CR-EXTRA_ITEM']],
  ['DAMAGED_BY_CARRIER', 'damaged_in_transit', 'seller', false, ['CR-DAMAGED_BY_CARRIER']],
  ['DAMAGED', 'damaged_in_transit', 'seller', false, ['AMZ-PG-DAMAGED']],
  ['DAMAGED_BY_FC', 'damaged_in_warehouse', 'seller', false, ['CR-DAMAGED_BY_FC']],
  ['MISSED_ESTIMATED_DELIVERY', 'late_delivery', 'seller', false, ['CR-MISSED_ESTIMATED_DELIVERY']],
  ['UNAUTHORIZED_PURCHASE', 'unauthorized_purchase', 'seller', false, ['CR-UNAUTHORIZED_PURCHASE']],
  ['NEVER_ARRIVED', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_REFUSED', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_UNKNOWN', 'undeliverable', 'carrier', false, ['UND-UNKNOWN']],
  ['UNDELIVERABLE_INSUFFICIENT_ADDRESS', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_UNCLAIMED', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_CARRIER_MISS_SORTED', 'undeliverable', 'carrier', false, []],
  ['UNDELIVERABLE_MISSING_LABEL', 'undeliverable', 'carrier', false, []],
  ['UNKNOWN_OTHER_REASON', 'other', 'unknown', false, []],
  ['JEWELRY_TOO_SMALL', 'size_fit', 'unknown', true, ['AMZ-PG-WJ-TOO-SMALL']],
  ['JEWELRY_TOO_LARGE', 'size_fit', 'unknown', true, []],
  ['JEWELRY_BATTERY', 'defective_quality', 'seller', true, []],
  ['JEWELRY_NO_DOCS', 'missing_parts', 'seller', true, []],
  ['JEWELRY_BAD_CLASP', 'defective_quality', 'seller', true, []],
  ['JEWELRY_LOOSE_STONE', 'defective_quality', 'seller', true, []],
  ['JEWELRY_NO_CERT', 'missing_parts', 'seller', true, []],
];

const cases = expected.flatMap(([code, category, fault, productSignal, mfnForms]) =>
  [code, ...mfnForms].map((raw) => [raw, code, category, fault, productSignal] as const));

describe('classifyReason', () => {
  it.each(cases)('maps %s to %s, %s, %s fault, product signal %s', (raw, code, category, fault, productSignal) => {
    expect(classifyReason(raw)).toEqual({ raw, code, status: 'mapped', category, fault, productSignal });
  });

  it.each([
    ['reads a lowercase MFN code', 'cr-defective', 'DEFECTIVE'],
    ['reads a CR- prefix on a code the MFN report has not been seen to prefix', 'CR-NEVER_ARRIVED', 'NEVER_ARRIVED'],
    ['reads hyphens as underscores', 'UNDELIVERABLE-REFUSED', 'UNDELIVERABLE_REFUSED'],
    ['reads a product-group code without its prefix', 'APP-TOO-SMALL', 'APPAREL_TOO_SMALL'],
    ['reads the MFN description code without its prefix', 'BAD-DESC', 'NOT_AS_DESCRIBED'],
    ['ignores spaces around the code', '  CR-SWITCHEROO ', 'SWITCHEROO'],
    ['reads a return-form option id', 'ro_cr-missing_parts', 'MISSING_PARTS'],
  ])('%s: %j', (_name, raw, code) => {
    const result = classifyReason(raw);
    expect(result).toMatchObject({ raw, code, status: 'mapped' });
    expect(result.category).toBe(findReasonEntry(code)?.category);
  });

  it.each([
    ['keeps an unknown FBA code as received, normalized', 'NEW_REASON_2027', 'NEW_REASON_2027'],
    ['keeps an unknown MFN code without its prefix', 'CR-NEW-REASON', 'NEW_REASON'],
    ['keeps an unknown product-group code without its prefix', 'AMZ-PG-HB-TOO-SMALL', 'HB_TOO_SMALL'],
    ['does not guess from a near miss', 'DEFECTIVE_ITEM', 'DEFECTIVE_ITEM'],
    ['keeps free text', 'Kunde hat es sich anders überlegt', 'KUNDE HAT ES SICH ANDERS ÜBERLEGT'],
  ])('%s: %j', (_name, raw, code) => {
    expect(classifyReason(raw)).toEqual({ raw, code, status: 'unmapped', category: null, fault: 'unknown', productSignal: false });
  });

  it.each([
    ['a missing cell', null],
    ['an empty cell', ''],
    ['a cell holding one space, as Amazon writes blanks', ' '],
  ])('marks %s as absent', (_name, raw) => {
    expect(classifyReason(raw)).toEqual({ raw, code: null, status: 'absent', category: null, fault: 'unknown', productSignal: false });
  });

  it.each(['DEFECTIVE', 'CR-DEFECTIVE', 'AMZ-PG-BAD-DESC'])('returns one shared frozen result for the exact form %s', (raw) => {
    const first = classifyReason(raw);
    expect(classifyReason(raw)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('returns frozen results for unmapped codes too', () => {
    expect(Object.isFrozen(classifyReason('SOMETHING_ELSE'))).toBe(true);
  });
});

describe('findReasonEntry', () => {
  it.each([
    ['finds an entry by its canonical code', 'QUALITY_UNACCEPTABLE', 'QUALITY_UNACCEPTABLE'],
    ['finds an entry by an MFN alias', 'AMZ-PG-WJ-TOO-SMALL', 'JEWELRY_TOO_SMALL'],
    ['finds an entry in any spelling', 'cr-damaged-by-fc', 'DAMAGED_BY_FC'],
  ])('%s', (_name, code, found) => {
    expect(findReasonEntry(code)?.code).toBe(found);
  });

  it('finds nothing for an unknown code', () => {
    expect(findReasonEntry('NOT_A_REASON')).toBeUndefined();
  });
});

describe('reasonCatalog', () => {
  it('holds exactly the codes of the reference', () => {
    expect(reasonCatalog.map((entry) => entry.code).sort()).toEqual(expected.map(([code]) => code).sort());
  });

  it('gives every entry a description and a source', () => {
    for (const entry of reasonCatalog) {
      expect(entry.description.trim(), entry.code).not.toBe('');
      expect(entry.source.trim(), entry.code).not.toBe('');
    }
  });

  it('confirms a fault only where Amazon\'s EU table is the source', () => {
    for (const entry of reasonCatalog.filter((e) => e.faultConfirmed)) expect(entry.source, entry.code).toContain('202080050');
  });

  it('uses each code or alias in one entry only', () => {
    const forms = reasonCatalog.flatMap((entry) => [entry.code, ...entry.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('uses every category at least once', () => {
    const used = new Set(reasonCatalog.map((entry) => entry.category));
    expect(reasonCategories.filter((category) => !used.has(category))).toEqual([]);
  });

  it('uses only known categories and fault parties', () => {
    for (const entry of reasonCatalog) {
      expect(reasonCategories, entry.code).toContain(entry.category);
      expect(faultParties, entry.code).toContain(entry.fault);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(reasonCatalog)).toBe(true);
    expect(reasonCatalog.every((entry) => Object.isFrozen(entry) && Object.isFrozen(entry.aliases))).toBe(true);
  });
});
