import type { InspectionSheetResponse } from '../../api/warehouse.js';
import { everyOf } from '../../every-of.js';

// The inspection checklist as the form asks it (docs/inspection.md): which items, in which order,
// with which answers, narrowed by what is already answered. The server grades and checks again; this
// only keeps the form from asking what does not apply or sending an incomplete checklist.

export type ChecklistItem = InspectionSheetResponse['requiredItems'][number];
export type Answers = NonNullable<InspectionSheetResponse['inspection']>['answers'];
type ChoiceItem = 'outerBox' | 'retailPackaging' | 'seal' | 'signsOfUse' | 'damage' | 'functionTest';
export type YesNoItem = 'unitPresent' | 'matchesListing' | 'identityMatches';

/** Every item, in the order a person meets them: the parcel, what is in it, then its condition. */
export const checklistOrder = everyOf<ChecklistItem>()([
  'unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal',
  'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest',
]);

export const yesNoItems: readonly YesNoItem[] = ['unitPresent', 'matchesListing', 'identityMatches'];

/** Each choice item's answers, the unremarkable one first. */
export const choiceValues: { readonly [K in ChoiceItem]: readonly NonNullable<Answers[K]>[] } = {
  outerBox: everyOf<NonNullable<Answers['outerBox']>>()(['intact', 'damaged', 'opened_resealed']),
  retailPackaging: everyOf<NonNullable<Answers['retailPackaging']>>()(['sealed', 'opened_intact', 'damaged', 'missing']),
  seal: everyOf<NonNullable<Answers['seal']>>()(['intact', 'broken', 'none']),
  signsOfUse: everyOf<NonNullable<Answers['signsOfUse']>>()(['none', 'light', 'moderate', 'heavy']),
  damage: everyOf<NonNullable<Answers['damage']>>()(['none', 'cosmetic_minor', 'cosmetic_major', 'functional']),
  functionTest: everyOf<NonNullable<Answers['functionTest']>>()(['pass', 'fail', 'not_tested']),
};

export const isChoiceItem = (item: ChecklistItem): item is ChoiceItem => item in choiceValues;

const parcelItems: readonly ChecklistItem[] = ['unitPresent', 'outerBox'];
const identityItems: readonly ChecklistItem[] = ['matchesListing', 'identityMatches'];

type Sheet = Pick<InspectionSheetResponse, 'requiredItems' | 'expectedAccessories'>;

/**
 * The items to ask given the answers so far, split into what the category requires and what is
 * optional: an empty parcel asks only about the parcel; a unit that is not the seller's asks only
 * about the parcel and its identity; missing accessories only when the product sheet lists some.
 */
export function itemsToAsk(sheet: Sheet, answers: Answers): { required: ChecklistItem[]; optional: ChecklistItem[] } {
  const notTheSellers = answers.matchesListing === false || answers.identityMatches === false;
  const allowed = checklistOrder.filter((item) => {
    if (answers.unitPresent === false) return parcelItems.includes(item);
    if (notTheSellers && !parcelItems.includes(item) && !identityItems.includes(item)) return false;
    return item !== 'accessoriesMissing' || sheet.expectedAccessories.length > 0;
  });
  return {
    required: allowed.filter((item) => sheet.requiredItems.includes(item)),
    optional: allowed.filter((item) => !sheet.requiredItems.includes(item)),
  };
}

/** The required items still without an answer. */
export function unansweredItems(required: readonly ChecklistItem[], answers: Answers): ChecklistItem[] {
  return required.filter((item) => answers[item] === undefined);
}

/** The answers of the items asked now: an answer to an item since ruled out (the box turned out empty) is not sent. */
export function answersToSend(sheet: Sheet, answers: Answers): Answers {
  const { required, optional } = itemsToAsk(sheet, answers);
  const asked = new Set<ChecklistItem>([...required, ...optional]);
  return Object.fromEntries(Object.entries(answers).filter(([item]) => asked.has(item as ChecklistItem))) as Answers;
}

/** A fresh checklist: nothing answered, except that no accessory is missing until one is ticked. */
export function blankAnswers(sheet: Sheet): Answers {
  return sheet.expectedAccessories.length > 0 ? { accessoriesMissing: [] } : {};
}
