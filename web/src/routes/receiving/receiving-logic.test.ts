import { describe, expect, it } from 'vitest';
import { answersToSend, blankAnswers, itemsToAsk, unansweredItems } from './checklist-model.js';
import { evidenceKindOf, evidenceProblem } from './evidence-files.js';

const apparel = { requiredItems: ['unitPresent', 'outerBox', 'matchesListing', 'retailPackaging', 'accessoriesMissing', 'signsOfUse', 'damage'] as const, expectedAccessories: [] };
const camera = {
  requiredItems: ['unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal', 'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest'] as const,
  expectedAccessories: ['charger'],
};
const sheet = <S extends { requiredItems: readonly string[] }>(s: S) => ({ ...s, requiredItems: [...s.requiredItems] }) as never;

describe('the checklist the receiving page asks', () => {
  it('asks the category\'s items as required and the rest as optional, without accessories the product has none of', () => {
    expect(itemsToAsk(sheet(apparel), {})).toEqual({
      required: ['unitPresent', 'outerBox', 'matchesListing', 'retailPackaging', 'signsOfUse', 'damage'],
      optional: ['identityMatches', 'seal', 'functionTest'],
    });
  });

  it('asks only about the parcel once it is empty, and only about identity once the unit is not the seller\'s', () => {
    expect(itemsToAsk(sheet(camera), { unitPresent: false })).toEqual({ required: ['unitPresent', 'outerBox'], optional: [] });
    expect(itemsToAsk(sheet(camera), { unitPresent: true, matchesListing: false })).toEqual({ required: ['unitPresent', 'outerBox', 'matchesListing', 'identityMatches'], optional: [] });
    expect(itemsToAsk(sheet(camera), { identityMatches: false }).required).toEqual(['unitPresent', 'outerBox', 'matchesListing', 'identityMatches']);
  });

  it('counts a required item unanswered until it is, and starts with no accessory missing', () => {
    const blank = blankAnswers(sheet(camera));
    expect(blank).toEqual({ accessoriesMissing: [] });
    const { required } = itemsToAsk(sheet(camera), blank);
    expect(unansweredItems(required, blank)).toEqual(['unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal', 'signsOfUse', 'damage', 'functionTest']);
    expect(blankAnswers(sheet(apparel))).toEqual({});
  });

  it('sends no answer to an item since ruled out', () => {
    expect(answersToSend(sheet(camera), { unitPresent: false, outerBox: 'damaged', damage: 'functional', accessoriesMissing: [] })).toEqual({ unitPresent: false, outerBox: 'damaged' });
    expect(answersToSend(sheet(camera), { unitPresent: true, damage: 'none', accessoriesMissing: ['charger'] })).toEqual({ unitPresent: true, damage: 'none', accessoriesMissing: ['charger'] });
  });
});

describe('the photos and videos the receiving page sends', () => {
  const limits = { maxPhotoBytes: 100, maxVideoBytes: 1000 };
  it('tells photos from videos by media type, else by a name phones leave untyped', () => {
    expect([
      evidenceKindOf({ type: 'image/jpeg', name: 'a' }), evidenceKindOf({ type: 'video/mp4', name: 'a' }), evidenceKindOf({ type: '', name: 'IMG_1.HEIC' }),
      evidenceKindOf({ type: '', name: 'clip.mov' }), evidenceKindOf({ type: 'application/pdf', name: 'a.jpg' }), evidenceKindOf({ type: '', name: 'notes.txt' }),
    ]).toEqual(['photo', 'video', 'photo', 'video', null, null]);
  });

  it('refuses what is not a photo or video, and what passes its kind\'s limit', () => {
    expect(evidenceProblem({ type: 'text/plain', name: 'a.txt', size: 1 }, limits)).toEqual({ kind: 'not_media' });
    expect(evidenceProblem({ type: 'image/png', name: 'a.png', size: 101 }, limits)).toEqual({ kind: 'too_large', limitBytes: 100 });
    expect(evidenceProblem({ type: 'video/mp4', name: 'a.mp4', size: 101 }, limits)).toBeNull();
    expect(evidenceProblem({ type: 'image/png', name: 'a.png', size: 100 }, limits)).toBeNull();
  });
});
