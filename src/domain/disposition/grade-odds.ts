import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { ConditionGrade, GradeProbabilities } from '../policy/policy.js';
import type { FbaUnsellableDisposition, GradeOdds } from './fba-unsellable.js';

const asInspectionGrade: Readonly<Record<Exclude<ConditionGrade, 'unsellable'>, InspectionGrade>> = {
  new: 'new', like_new: 'used_like_new', very_good: 'used_very_good', good: 'used_good', acceptable: 'used_acceptable',
};

/**
 * The policy's grade odds (by condition grade) as the odds of what the seller's own inspection of a
 * removed FBA unit finds. Amazon called it defective or damaged; the unsellable share keeps that kind,
 * the rest is the chance Amazon's call was too harsh (a unit that only looked used).
 */
export function removalGradeOdds(probabilities: GradeProbabilities, disposition: FbaUnsellableDisposition): GradeOdds {
  const odds: Partial<Record<InspectionGrade, number>> = {};
  for (const [grade, probability] of Object.entries(probabilities) as [ConditionGrade, number | undefined][]) {
    if (probability === undefined || probability === 0) continue;
    const inspected = grade === 'unsellable' ? (disposition === 'DEFECTIVE' ? 'unsellable_defective' : 'unsellable_damaged') : asInspectionGrade[grade];
    odds[inspected] = (odds[inspected] ?? 0) + probability;
  }
  return odds;
}
