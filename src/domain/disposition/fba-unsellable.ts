import { DomainError } from '../errors.js';
import { inspectionGrades } from '../inspection/inspection-grades.js';
import type { InspectionGrade } from '../inspection/inspection-grades.js';
import { percentOf } from '../money.js';
import type { Policy } from '../policy/policy.js';
import type { DispositionPolicy } from './disposition-policy.js';
import { dispositionRules, sortRules } from './disposition-rules.js';
import type { DispositionRule } from './disposition-rules.js';
import type { DispositionOption, DispositionUnit, RecoveryComponent } from './disposition-types.js';
import { bestInHand, bestOption, dispositionOptions, pricingContext, sumComponents } from './disposition.js';
import { removalLeg } from './route-components.js';

/** Amazon's detailed dispositions of an unsellable FBA customer return (reference §2.1). */
export const fbaUnsellableDispositions = ['CUSTOMER_DAMAGED', 'DEFECTIVE', 'DISTRIBUTOR_DAMAGED', 'EXPIRED', 'CARRIER_DAMAGED', 'DAMAGED'] as const;
export type FbaUnsellableDisposition = (typeof fbaUnsellableDispositions)[number];

/** What the seller can do with a unit Amazon holds as unsellable, in tie-break order. */
export const fbaUnsellableRoutes = ['remove', 'liquidate', 'dispose'] as const;
export type FbaUnsellableRoute = (typeof fbaUnsellableRoutes)[number];

export type GradeOdds = Readonly<Partial<Record<InspectionGrade, number>>>;

/** An FBA unit Amazon graded unsellable, and the odds (0..1, summing to 1) of what own inspection finds. */
export interface FbaUnsellableUnit extends Omit<DispositionUnit, 'channel' | 'location' | 'grade'> {
  readonly detailedDisposition: FbaUnsellableDisposition;
  readonly gradeOdds: GradeOdds;
}

export interface FbaUnsellableOption extends Omit<DispositionOption, 'route'> {
  readonly route: FbaUnsellableRoute;
}

export interface FbaUnsellableResult {
  readonly currency: string;
  readonly atIso: string;
  readonly detailedDisposition: FbaUnsellableDisposition;
  /** One option per route, in `fbaUnsellableRoutes` order. */
  readonly options: readonly FbaUnsellableOption[];
  /** The allowed option with the highest net recovery, the earlier on a tie; `null` when Amazon reimburses. */
  readonly recommended: FbaUnsellableOption | null;
  readonly firedRules: readonly DispositionRule[];
}

// How each disposition reads as an inspection grade and flags: Amazon's grade stands until the seller inspects.
const asUnit: Readonly<Record<FbaUnsellableDisposition, Pick<DispositionUnit, 'grade' | 'expired' | 'warehouseDamaged'>>> = {
  CUSTOMER_DAMAGED: { grade: 'unsellable_damaged' },
  DEFECTIVE: { grade: 'unsellable_defective' },
  DISTRIBUTOR_DAMAGED: { grade: 'unsellable_damaged' },
  EXPIRED: { grade: 'unsellable_damaged', expired: true },
  CARRIER_DAMAGED: { grade: 'unsellable_damaged' },
  DAMAGED: { grade: 'unsellable_damaged', warehouseDamaged: true },
};
const amazonOwned: ReadonlySet<FbaUnsellableDisposition> = new Set(['CARRIER_DAMAGED', 'DAMAGED']);

/**
 * For an FBA unit Amazon graded unsellable: remove it for own inspection (removal fee, receiving, then
 * the expected recovery over `gradeOdds` of the best route for each grade in hand), liquidate it, or
 * have Amazon dispose of it — side by side, with the best allowed. Carrier- and warehouse-damaged
 * units belong to Amazon, which reimburses them: every route is blocked by `amazon-reimburses`.
 * Errors as dispositionOptions; odds outside 0..1 or not summing to 1 (± 0.001) are `invalid_input`.
 */
export function fbaUnsellableOptions(input: FbaUnsellableUnit, policy: Policy, dispositionPolicy: DispositionPolicy, atIso: string): FbaUnsellableResult {
  const odds = checkedOdds(input.gradeOdds);
  const { detailedDisposition, gradeOdds: _odds, ...rest } = input;
  const unit: DispositionUnit = { ...rest, ...asUnit[detailedDisposition], channel: 'FBA', location: 'fulfilment_centre' };
  const byRoute = dispositionOptions(unit, policy, dispositionPolicy, atIso).options;
  const taken = (route: 'liquidate' | 'dispose'): FbaUnsellableOption => ({ ...byRoute.find((o) => o.route === route)!, route });
  const removal = removeOption(unit, odds, policy, dispositionPolicy, atIso);
  const options = [removal, taken('liquidate'), taken('dispose')].map((option) =>
    amazonOwned.has(detailedDisposition) ? { ...option, allowed: false, blockedBy: sortRules([dispositionRules.amazonReimburses, ...option.blockedBy]) } : option);
  return { currency: unit.currency, atIso, detailedDisposition, options, recommended: bestOption(options), firedRules: sortRules(options.flatMap((o) => o.blockedBy)) };
}

function removeOption(unit: DispositionUnit, odds: ReadonlyMap<InspectionGrade, number>, policy: Policy, dispositionPolicy: DispositionPolicy, atIso: string): FbaUnsellableOption {
  const components: RecoveryComponent[] = [...removalLeg(pricingContext(unit, policy, dispositionPolicy, atIso))];
  for (const [grade, tenThousandths] of odds) {
    const after = bestInHand(unit, grade, policy, dispositionPolicy, atIso);
    const label = `If inspection finds ${grade}: ${after.route === null ? 'nothing to do' : after.route.replaceAll('_', ' ')}`;
    components.push({ id: `if_${grade}`, label, amountMinor: percentOf(after.netRecoveryMinor, tenThousandths), probability: tenThousandths / 10_000 });
  }
  return { route: 'remove', allowed: true, blockedBy: [], netRecoveryMinor: sumComponents(components), components };
}

/**
 * The odds as whole 1/10,000ths (so the money stays exact integer arithmetic), non-zero grades only,
 * in the order of `inspectionGrades`.
 */
function checkedOdds(odds: GradeOdds): Map<InspectionGrade, number> {
  const entries = Object.entries(odds) as [InspectionGrade, number][];
  const bad = entries.find(([grade, p]) => !inspectionGrades.includes(grade) || !Number.isFinite(p) || p < 0 || p > 1);
  if (bad !== undefined) throw new DomainError('invalid_input', `The odds of grade "${bad[0]}" (${bad[1]}) are not a known grade with a probability from 0 to 1.`, { grade: bad[0] });
  const total = entries.reduce((sum, [, p]) => sum + p, 0);
  if (Math.abs(total - 1) > 0.001) throw new DomainError('invalid_input', `The grade odds sum to ${total}, not 1: give the odds of every grade own inspection may find.`, { total });
  const result = new Map<InspectionGrade, number>();
  for (const grade of inspectionGrades) {
    const p = Math.round((odds[grade] ?? 0) * 10_000);
    if (p > 0) result.set(grade, p);
  }
  return result;
}
