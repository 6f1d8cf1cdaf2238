/**
 * The inspection checklist: the questions a warehouse person answers when they open a returned parcel,
 * and the answers each question allows. The grade follows from these answers (grade.ts); which of them
 * must be answered depends on the product category (checklist-policy.ts). Reference: docs/inspection.md.
 */
import { outerBoxStates } from '../receiving/receipt.js';
import type { OuterBoxState } from '../receiving/receipt.js';

/** Every checklist item, in the order a person meets them: the parcel, what is in it, then its condition. */
export const checklistItems = [
  'unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal',
  'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest',
] as const;
export type ChecklistItem = (typeof checklistItems)[number];

// The shipping box the buyer sent it back in: recorded as evidence of carrier damage (or of a swap,
// when opened and resealed), never graded. The same states the receipt records.
export { outerBoxStates };
export type { OuterBoxState };

/** The product's own (retail) packaging. */
export const retailPackagingStates = ['sealed', 'opened_intact', 'damaged', 'missing'] as const;
export type RetailPackagingState = (typeof retailPackagingStates)[number];

/** The factory seal or tamper tape; `none` when the product never had one. */
export const sealStates = ['intact', 'broken', 'none'] as const;
export type SealState = (typeof sealStates)[number];

export const signsOfUseLevels = ['none', 'light', 'moderate', 'heavy'] as const;
export type SignsOfUse = (typeof signsOfUseLevels)[number];

/** Cosmetic damage leaves the unit working; functional damage stops it working as sold. */
export const damageLevels = ['none', 'cosmetic_minor', 'cosmetic_major', 'functional'] as const;
export type DamageLevel = (typeof damageLevels)[number];

export const functionTestResults = ['pass', 'fail', 'not_tested'] as const;
export type FunctionTestResult = (typeof functionTestResults)[number];

/**
 * One inspection's answers. Every item is optional here because which ones must be answered depends
 * on the product category; gradeInspection says which required ones are missing.
 */
export interface InspectionAnswers {
  /** False: the parcel came back empty. */
  readonly unitPresent?: boolean;
  readonly outerBox?: OuterBoxState;
  /** False: a different product than the one listed (a swap). */
  readonly matchesListing?: boolean;
  /** False: the serial number or other identity mark differs from the unit shipped. */
  readonly identityMatches?: boolean;
  readonly retailPackaging?: RetailPackagingState;
  readonly seal?: SealState;
  /** Names from the SKU's expected accessories (product sheet `accessories`) that are not in the box. */
  readonly accessoriesMissing?: readonly string[];
  readonly signsOfUse?: SignsOfUse;
  readonly damage?: DamageLevel;
  readonly functionTest?: FunctionTestResult;
}

/** The items answered with yes or no. */
export const booleanItems = ['unitPresent', 'matchesListing', 'identityMatches'] as const satisfies readonly ChecklistItem[];
export type BooleanItem = (typeof booleanItems)[number];

/** The items answered with one value of a closed set, and that set. */
export const choiceItemValues = {
  outerBox: outerBoxStates,
  retailPackaging: retailPackagingStates,
  seal: sealStates,
  signsOfUse: signsOfUseLevels,
  damage: damageLevels,
  functionTest: functionTestResults,
} as const satisfies Partial<Record<ChecklistItem, readonly string[]>>;
export type ChoiceItem = keyof typeof choiceItemValues;

/**
 * The answer that notes nothing, per item. Any other answer is a finding (`item:answer`). A seal of
 * `none` notes nothing either: a product that never had a seal has not lost one.
 */
export const unremarkableAnswers: Readonly<{ [K in ChoiceItem]: readonly (typeof choiceItemValues)[K][number][] }> = {
  outerBox: ['intact'],
  retailPackaging: ['sealed'],
  seal: ['intact', 'none'],
  signsOfUse: ['none'],
  damage: ['none'],
  functionTest: ['pass'],
};

/**
 * Items about the parcel itself: the only ones an inspector can answer when the box is empty.
 * `outerBox` stays answerable because an empty, damaged box is exactly the carrier evidence a claim needs.
 */
export const parcelItems = ['unitPresent', 'outerBox'] as const satisfies readonly ChecklistItem[];

/** Items about which unit came back; when it is not the seller's unit, its condition is not asked. */
export const identityItems = ['matchesListing', 'identityMatches'] as const satisfies readonly ChecklistItem[];

export function isChecklistItem(value: string): value is ChecklistItem {
  return (checklistItems as readonly string[]).includes(value);
}
