import type { ConditionGrade } from '../policy/policy.js';

/**
 * What an inspection finds a returned unit to be (issue 4): New (resellable), Amazon's four Used
 * grades (reference §4.11), two kinds of Unsellable, a different item than was shipped, and an empty
 * parcel. Finer than the decision engine's ConditionGrade, which cannot tell why a unit is unsellable.
 */
export const inspectionGrades = [
  'new', 'used_like_new', 'used_very_good', 'used_good', 'used_acceptable',
  'unsellable_defective', 'unsellable_damaged', 'wrong_item', 'missing',
] as const;
export type InspectionGrade = (typeof inspectionGrades)[number];

/**
 * The condition grade the decision engine learns from and prices resale with. A wrong item or an empty
 * parcel leaves nothing of the seller's to resell, so it counts as unsellable.
 */
export const conditionGradeOf: Readonly<Record<InspectionGrade, ConditionGrade>> = {
  new: 'new',
  used_like_new: 'like_new',
  used_very_good: 'very_good',
  used_good: 'good',
  used_acceptable: 'acceptable',
  unsellable_defective: 'unsellable',
  unsellable_damaged: 'unsellable',
  wrong_item: 'unsellable',
  missing: 'unsellable',
};

export function isInspectionGrade(value: string): value is InspectionGrade {
  return (inspectionGrades as readonly string[]).includes(value);
}
