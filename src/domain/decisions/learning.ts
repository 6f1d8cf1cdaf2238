import { DomainError } from '../errors.js';
import { conditionGrades } from '../policy/policy.js';
import type { ConditionGrade, GradeProbabilities } from '../policy/policy.js';

// Learning from outcomes: the policy's priors, corrected by what actually happened to this seller's
// returns. Every level of history shrinks toward the level above it (the prior for the first), so a
// handful of outcomes nudges the odds and a long history dominates them.

/** The levels of history, general to specific: the reason (all products), the product category within it, the SKU within it. */
export const historyLevels = ['reason', 'category', 'sku'] as const;
export type HistoryLevel = (typeof historyLevels)[number];

/** Outcome counts for one slice of the seller's history. */
export interface OutcomeTally {
  /** Per save-offer ladder step (index 0 = first step): how many offers were accepted and declined. */
  readonly offers: readonly { readonly accepted: number; readonly declined: number }[];
  /** How many inspected units were found in each grade. */
  readonly grades: Readonly<Partial<Record<ConditionGrade, number>>>;
}

/**
 * A case's history as disjoint slices, so each outcome counts once: `sku` holds the SKU's outcomes,
 * `category` those of other SKUs in its product category, `reason` the rest of the reason category.
 */
export type OutcomeHistory = Readonly<Partial<Record<HistoryLevel, OutcomeTally>>>;

/** Where a probability came from: the policy prior alone, or the seller's data (observations per level that had any). */
export interface OddsSource {
  readonly from: 'prior' | 'data';
  /** Observations used at each level (only levels with at least one); empty for 'prior'. */
  readonly observations: Readonly<Partial<Record<HistoryLevel, number>>>;
  /** The most specific level that had data; absent for 'prior'. */
  readonly level?: HistoryLevel;
}

export interface LearnedProbability {
  readonly probability: number;
  readonly source: OddsSource;
}

export interface LearnedOdds {
  /** One per ladder step, same length as the priors. */
  readonly saveOfferAcceptance: readonly LearnedProbability[];
  /** Only grades with a non-zero probability are present (the engine reads an absent grade as 0). */
  readonly grades: { readonly probabilities: GradeProbabilities; readonly source: OddsSource };
}

export interface OddsPriors {
  readonly saveOfferAcceptance: readonly number[];
  readonly grades: GradeProbabilities;
}

type Observations = Partial<Record<HistoryLevel, number>>;

/** A tally with nothing in it: the starting point for rolling up counts. */
export function emptyTally(): OutcomeTally {
  return { offers: [], grades: {} };
}

/**
 * Adds two tallies (offers step-wise, grades grade-wise); used by the service to roll up counts.
 * A step missing on one side counts 0/0; a grade is present when either side has it, so adding
 * `emptyTally()` changes nothing.
 */
export function addTallies(a: OutcomeTally, b: OutcomeTally): OutcomeTally {
  checkTally(a, 'the first tally');
  checkTally(b, 'the second tally');
  const steps = Math.max(a.offers.length, b.offers.length);
  const offers = Array.from({ length: steps }, (_, step) => {
    const x = offerAt(a, step);
    const y = offerAt(b, step);
    return { accepted: x.accepted + y.accepted, declined: x.declined + y.declined };
  });
  const grades: Partial<Record<ConditionGrade, number>> = {};
  for (const grade of conditionGrades) {
    if (a.grades[grade] !== undefined || b.grades[grade] !== undefined) grades[grade] = (a.grades[grade] ?? 0) + (b.grades[grade] ?? 0);
  }
  return { offers, grades };
}

/**
 * Takes the outcomes of `part` out of `whole` (which must contain them), to cut nested roll-ups into
 * the disjoint slices of {@link OutcomeHistory}. A count going below 0 means `part` was not inside
 * `whole`: `invalid_input`.
 */
export function subtractTallies(whole: OutcomeTally, part: OutcomeTally): OutcomeTally {
  checkTally(part, 'the part taken out');
  const steps = Math.max(whole.offers.length, part.offers.length);
  const offers = Array.from({ length: steps }, (_, step) => {
    const x = offerAt(whole, step);
    const y = offerAt(part, step);
    return { accepted: x.accepted - y.accepted, declined: x.declined - y.declined };
  });
  const grades: Partial<Record<ConditionGrade, number>> = {};
  for (const grade of conditionGrades) {
    if (whole.grades[grade] !== undefined || part.grades[grade] !== undefined) grades[grade] = (whole.grades[grade] ?? 0) - (part.grades[grade] ?? 0);
  }
  const result = { offers, grades };
  checkTally(result, 'a slice of history (the part taken out was not inside the whole)');
  return result;
}

/**
 * The engine's odds from the policy priors and the seller's history. `priorWeight` is how many
 * observations the level above is worth: each level's estimate is (w·parent + successes) / (w + n).
 * Offers beyond the priors' ladder are ignored, since the engine has no step to use them for.
 */
export function learnOdds(priors: OddsPriors, history: OutcomeHistory, priorWeight: number): LearnedOdds {
  checkWeight(priorWeight);
  for (const level of historyLevels) {
    const tally = history[level];
    if (tally !== undefined) checkTally(tally, `the ${level} history`);
  }
  return {
    saveOfferAcceptance: priors.saveOfferAcceptance.map((prior, step) => learnAcceptance(prior, step, history, priorWeight)),
    grades: learnGrades(priors.grades, history, priorWeight),
  };
}

/** Priors only, sources 'prior' (what the engine uses when no history is given). */
export function priorOdds(priors: OddsPriors): LearnedOdds {
  return {
    saveOfferAcceptance: priors.saveOfferAcceptance.map((probability) => ({ probability, source: sourceOf({}) })),
    grades: { probabilities: nonZeroGrades(fullGrades(priors.grades)), source: sourceOf({}) },
  };
}

/** One ladder step's acceptance, shrunk level by level from the prior. */
function learnAcceptance(prior: number, step: number, history: OutcomeHistory, weight: number): LearnedProbability {
  let probability = prior;
  const observations: Observations = {};
  for (const level of historyLevels) {
    const tally = history[level];
    if (tally === undefined) continue;
    const { accepted, declined } = offerAt(tally, step);
    const n = accepted + declined;
    if (n === 0) continue;
    probability = (weight * probability + accepted) / (weight + n);
    observations[level] = n;
  }
  return { probability, source: sourceOf(observations) };
}

/** The grade vector, shrunk level by level as a Dirichlet: every grade moves by the same total count, so the sum is kept. */
function learnGrades(prior: GradeProbabilities, history: OutcomeHistory, weight: number): LearnedOdds['grades'] {
  let probabilities = fullGrades(prior);
  const observations: Observations = {};
  for (const level of historyLevels) {
    const counts = history[level]?.grades ?? {};
    const n = conditionGrades.reduce((sum, grade) => sum + (counts[grade] ?? 0), 0);
    if (n === 0) continue;
    const parent = probabilities;
    probabilities = gradeRecord((grade) => (weight * parent[grade] + (counts[grade] ?? 0)) / (weight + n));
    observations[level] = n;
  }
  return { probabilities: nonZeroGrades(probabilities), source: sourceOf(observations) };
}

/** 'data' with the most specific level when any level had observations, else 'prior'. */
function sourceOf(observations: Observations): OddsSource {
  const level = [...historyLevels].reverse().find((candidate) => observations[candidate] !== undefined);
  return level === undefined ? { from: 'prior', observations: {} } : { from: 'data', observations, level };
}

/** A missing step counts as no offers made, so a short tally needs no padding. */
function offerAt(tally: OutcomeTally, step: number): { readonly accepted: number; readonly declined: number } {
  return tally.offers[step] ?? { accepted: 0, declined: 0 };
}

function gradeRecord(valueOf: (grade: ConditionGrade) => number): Record<ConditionGrade, number> {
  return Object.fromEntries(conditionGrades.map((grade) => [grade, valueOf(grade)])) as Record<ConditionGrade, number>;
}

/** Every grade with a number; a grade the prior leaves out has probability 0. */
function fullGrades(probabilities: GradeProbabilities): Record<ConditionGrade, number> {
  return gradeRecord((grade) => probabilities[grade] ?? 0);
}

/** Drops grades at 0 (prior 0, never observed), so the output lists only grades that can happen. */
function nonZeroGrades(probabilities: Record<ConditionGrade, number>): GradeProbabilities {
  return Object.fromEntries(conditionGrades.filter((grade) => probabilities[grade] !== 0).map((grade) => [grade, probabilities[grade]]));
}

/** The prior weight is a count of pseudo-observations: without one > 0 the first level would replace the prior outright (or divide by 0). */
function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight <= 0) {
    throw new DomainError('invalid_input', `The prior weight ${weight} is not a finite number above 0: use how many observations the policy prior is worth, such as 10.`, { priorWeight: weight });
  }
}

/** Counts come from records the service adds up; a negative or fractional one means a broken roll-up, not data. */
function checkTally(tally: OutcomeTally, where: string): void {
  tally.offers.forEach((offer, step) => {
    checkCount(offer?.accepted ?? 0, `${where}: accepted offers at ladder step ${step}`);
    checkCount(offer?.declined ?? 0, `${where}: declined offers at ladder step ${step}`);
  });
  for (const [grade, count] of Object.entries(tally.grades)) {
    if (!(conditionGrades as readonly string[]).includes(grade)) {
      throw new DomainError('invalid_input', `In ${where}, "${grade}" is not a condition grade. Use one of: ${conditionGrades.join(', ')}.`, { grade });
    }
    checkCount(count ?? 0, `${where}: units graded ${grade}`);
  }
}

function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new DomainError('invalid_input', `The count ${count} for ${what} is not a whole number of 0 or more.`, { count, what });
  }
}
