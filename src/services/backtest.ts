import { naiveBaselineLossMinor } from '../domain/decisions/baseline.js';
import { decideReturn } from '../domain/decisions/decide.js';
import type { DecisionAction } from '../domain/decisions/decision.js';
import { isDomainError } from '../domain/errors.js';
import type { Policy } from '../domain/policy/policy.js';
import { readRequestedCaseFacts } from '../storage/decision-facts-repository.js';
import type { CaseFacts } from '../storage/decision-facts-repository.js';
import { decisionInputOf, loadDecisionContext } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';

/** Expected losses of a group of cases under the policy and under the naive baseline. */
export interface BacktestTotals {
  cases: number;
  expectedLossMinor: number;
  baselineLossMinor: number;
  /** baseline − expected: what the policy is expected to save (negative: it costs more). */
  savedMinor: number;
}

/** Totals in one currency (amounts in different currencies are never added together). */
export interface CurrencyBacktest {
  readonly currency: string;
  readonly total: BacktestTotals;
  readonly byReasonCategory: Record<string, BacktestTotals>;
  readonly byAction: Partial<Record<DecisionAction, BacktestTotals>>;
}

export interface BacktestReport {
  readonly fromIso: string | null;
  readonly toIso: string | null;
  readonly decided: number;
  readonly byCurrency: readonly CurrencyBacktest[];
  /** Cases that could not be decided (unknown price, a marketplace the policy lacks), by problem. */
  readonly skipped: { count: number; byProblem: Record<string, number>; examples: { caseId: number; problem: string }[] };
}

export interface BacktestOptions {
  readonly fromIso?: string;
  readonly toIso?: string;
  /** How often (in cases read) `onProgress` is called; default 5000. */
  readonly pageSize?: number;
  readonly onProgress?: (casesRead: number) => void;
}

const emptyTotals = (): BacktestTotals => ({ cases: 0, expectedLossMinor: 0, baselineLossMinor: 0, savedMinor: 0 });

function addTo(totals: BacktestTotals, expected: number, baseline: number): void {
  totals.cases += 1;
  totals.expectedLossMinor += expected;
  totals.baselineLossMinor += baseline;
  totals.savedMinor += baseline - expected;
}

class Accumulator {
  private readonly currencies = new Map<string, CurrencyBacktest>();
  decided = 0;
  readonly skipped: BacktestReport['skipped'] = { count: 0, byProblem: {}, examples: [] };

  add(currency: string, reasonCategory: string, action: DecisionAction, expected: number, baseline: number): void {
    let entry = this.currencies.get(currency);
    if (!entry) this.currencies.set(currency, entry = { currency, total: emptyTotals(), byReasonCategory: {}, byAction: {} });
    addTo(entry.total, expected, baseline);
    addTo(entry.byReasonCategory[reasonCategory] ??= emptyTotals(), expected, baseline);
    addTo(entry.byAction[action] ??= emptyTotals(), expected, baseline);
    this.decided += 1;
  }

  skip(caseId: number, problem: string): void {
    this.skipped.count += 1;
    // Messages name the case; group by the message without its ids so the counts are useful.
    const kind = problem.replace(/\b(case|Case) \d+/g, '$1 …').replace(/SKU \S+/g, 'SKU …');
    this.skipped.byProblem[kind] = (this.skipped.byProblem[kind] ?? 0) + 1;
    if (this.skipped.examples.length < 10) this.skipped.examples.push({ caseId, problem });
  }

  byCurrency(): CurrencyBacktest[] {
    return [...this.currencies.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}

/** One historical case, decided as of its request time, against the naive baseline. */
function replay(facts: CaseFacts, context: DecisionContext, totals: Accumulator): void {
  const { returnCase } = facts;
  const at = returnCase.requestedAt!;
  try {
    const input = decisionInputOf(facts, context, at);
    const decision = decideReturn(input, context.policy);
    totals.add(decision.currency, returnCase.reason.category ?? 'unclassified', decision.recommended.action, decision.recommended.expectedLossMinor, naiveBaselineLossMinor(decision));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    totals.skip(returnCase.id, error.message);
  }
}

/**
 * Replays the account's historical seller-fulfilled requests (optionally those requested in
 * [fromIso, toIso)) through the decision engine under `policy`, learning from the outcomes recorded
 * so far, and totals the expected loss against the naive baseline per currency, by reason category
 * and by recommended action. Reads the cases one at a time, so memory stays flat.
 */
export async function backtestPolicy(database: Database, accountId: number, policy: Policy, options: BacktestOptions = {}): Promise<BacktestReport> {
  const context = await loadDecisionContext(database, accountId, policy);
  const totals = new Accumulator();
  const every = options.pageSize ?? 5000;
  let read = 0;
  for await (const page of readRequestedCaseFacts(database.db, accountId, options)) {
    for (const facts of page) {
      replay(facts, context, totals);
      read += 1;
      if (read % every === 0) options.onProgress?.(read);
    }
  }
  if (read % every !== 0) options.onProgress?.(read);
  return {
    fromIso: options.fromIso ?? null, toIso: options.toIso ?? null, decided: totals.decided,
    byCurrency: totals.byCurrency(), skipped: totals.skipped,
  };
}
