import type { ConditionGrade } from '../policy/policy.js';
import type { ChecklistItem, InspectionAnswers } from './checklist.js';
import { identityItems, parcelItems } from './checklist.js';
import type { InspectionChecklistPolicy } from './checklist-policy.js';
import { requiredItemsFor } from './checklist-policy.js';
import { findingsOf } from './findings.js';
import type { InspectionGrade } from './inspection-grades.js';
import { conditionGradeOf } from './inspection-grades.js';
import type { InspectionProblem } from './inspection-problems.js';
import { inspectionError, quoted } from './inspection-problems.js';
import type { RuleText } from './inspection-rules.js';
import { firstMatchingRule } from './inspection-rules.js';
import { readInspectionAnswers } from './parse-answers.js';

export { inspectionRules } from './inspection-rules.js';
export type { RuleText } from './inspection-rules.js';

/** What gradeInspection needs besides the answers. */
export interface GradeInspectionOptions {
  readonly checklistPolicy: InspectionChecklistPolicy;
  /** The product sheet's `category` of the SKU; none uses the policy's default checklist. */
  readonly productCategory?: string | null;
  /** The product sheet's `accessories` of the SKU: what belongs in the box. */
  readonly expectedAccessories: readonly string[];
}

/** The grade of a returned unit, the rule that decided it, and what was noted. */
export interface InspectionResult {
  readonly grade: InspectionGrade;
  readonly ruleId: string;
  /** The sentence saying why, in English and Simplified Chinese. */
  readonly rule: RuleText;
  /** `item:answer` ids of every answer other than the unremarkable one, in checklist order. */
  readonly findings: string[];
  /** The grade as the decision engine prices and learns from it. */
  readonly conditionGrade: ConditionGrade;
}

/**
 * The items this inspection must answer. An empty parcel can only be described from the outside; a
 * unit that is not the seller's is not graded, so its condition is not asked; a SKU with no expected
 * accessories has none to miss.
 */
function itemsToAnswer(required: readonly ChecklistItem[], answers: InspectionAnswers, expected: readonly string[]): ChecklistItem[] {
  const parcel: readonly ChecklistItem[] = parcelItems;
  const identity: readonly ChecklistItem[] = identityItems;
  if (answers.unitPresent === false) return required.filter((item) => parcel.includes(item));
  if (answers.matchesListing === false || answers.identityMatches === false) {
    return required.filter((item) => parcel.includes(item) || identity.includes(item));
  }
  return expected.length === 0 ? required.filter((item) => item !== 'accessoriesMissing') : [...required];
}

/** Missing accessories spelt as the SKU spells them; a name the SKU does not have is a problem. */
function matchAccessories(names: readonly string[], expected: readonly string[]): { matched: string[]; problems: InspectionProblem[] } {
  const byKey = new Map(expected.map((name) => [name.trim().toLowerCase(), name.trim()]));
  const matched = new Set<string>();
  const problems: InspectionProblem[] = [];
  for (const name of names) {
    const known = byKey.get(name.trim().toLowerCase());
    if (known !== undefined) { matched.add(known); continue; }
    const list = expected.length > 0 ? `expected: ${expected.join(', ')}` : 'this SKU expects no accessories';
    problems.push({ kind: 'unknown_accessory', item: 'accessoriesMissing', message: `accessoriesMissing: ${quoted(name)} is not an accessory of this SKU (${list})`, allowed: expected });
  }
  return { matched: [...matched], problems };
}

/**
 * Grades a returned unit from its checklist answers (plain data is accepted and checked as by
 * parseInspectionAnswers): the first rule of inspectionRules that holds decides. Throws one
 * DomainError('invalid_input') listing every problem: each required item left unanswered (for the
 * product's category), each value not allowed (with the allowed values), each unknown accessory.
 */
export function gradeInspection(answers: InspectionAnswers, options: GradeInspectionOptions): InspectionResult {
  const read = readInspectionAnswers(answers);
  // Not an object at all: listing every item as missing too would only bury the one real problem.
  if (read.problems.some((p) => p.kind === 'not_an_object')) throw inspectionError(read.problems);
  const required = requiredItemsFor(options.checklistPolicy, options.productCategory);
  const missing = itemsToAnswer(required, read.answers, options.expectedAccessories)
    .filter((item) => read.answers[item] === undefined && !read.invalidItems.has(item))
    .map((item): InspectionProblem => ({ kind: 'missing', item, message: `${item}: missing` }));
  const accessories = matchAccessories(read.answers.accessoriesMissing ?? [], options.expectedAccessories);
  const problems = [...missing, ...read.problems, ...accessories.problems];
  if (problems.length > 0) throw inspectionError(problems);

  const facts = { ...read.answers, accessoriesMissing: accessories.matched };
  const rule = firstMatchingRule(facts);
  return {
    grade: rule.grade,
    ruleId: rule.id,
    rule: { en: rule.en, zh: rule.zh },
    findings: findingsOf(facts),
    conditionGrade: conditionGradeOf[rule.grade],
  };
}
