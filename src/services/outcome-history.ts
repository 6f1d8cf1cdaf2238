import { addTallies, emptyTally } from '../domain/decisions/learning.js';
import type { OutcomeHistory, OutcomeTally } from '../domain/decisions/learning.js';
import { conditionGrades } from '../domain/policy/policy.js';
import type { ConditionGrade } from '../domain/policy/policy.js';
import type { OutcomeCountRow } from '../storage/outcome-repository.js';

/**
 * The seller's recorded outcomes rolled up at the three levels the engine learns at: a reason
 * category (all products), a product category within it, a SKU within it. Built once per command
 * from grouped counts, then each case's history is three map lookups.
 */
export interface OutcomeIndex {
  readonly byReason: ReadonlyMap<string, OutcomeTally>;
  readonly byCategory: ReadonlyMap<string, OutcomeTally>;
  readonly bySku: ReadonlyMap<string, OutcomeTally>;
}

export interface HistoryKey {
  readonly reasonCategory: string | null;
  readonly productCategory: string | null;
  readonly sku: string;
}

const reasonKey = (key: HistoryKey) => key.reasonCategory ?? '';
const categoryKey = (key: HistoryKey) => `${key.reasonCategory ?? ''}\t${key.productCategory ?? ''}`;
const skuKey = (key: HistoryKey) => `${key.reasonCategory ?? ''}\t${key.sku}`;

/** One group's counts as a tally: an offer answer at its step, or a grade. */
function tallyOf(row: OutcomeCountRow): OutcomeTally {
  if (row.outcome === 'graded') {
    const grade = (conditionGrades as readonly string[]).includes(row.grade ?? '') ? row.grade as ConditionGrade : undefined;
    return grade === undefined ? emptyTally() : { offers: [], grades: { [grade]: row.count } };
  }
  if (row.step === null || row.step < 0) return emptyTally();
  const offers = Array.from({ length: row.step + 1 }, () => ({ accepted: 0, declined: 0 }));
  offers[row.step] = row.outcome === 'offer-accepted' ? { accepted: row.count, declined: 0 } : { accepted: 0, declined: row.count };
  return { offers, grades: {} };
}

function addTo(map: Map<string, OutcomeTally>, key: string, tally: OutcomeTally): void {
  const current = map.get(key);
  map.set(key, current === undefined ? tally : addTallies(current, tally));
}

export function indexOutcomes(rows: readonly OutcomeCountRow[]): OutcomeIndex {
  const byReason = new Map<string, OutcomeTally>();
  const byCategory = new Map<string, OutcomeTally>();
  const bySku = new Map<string, OutcomeTally>();
  for (const row of rows) {
    const tally = tallyOf(row);
    const key = { reasonCategory: row.reasonCategory, productCategory: row.productCategory, sku: row.sku };
    addTo(byReason, reasonKey(key), tally);
    if (row.productCategory !== null) addTo(byCategory, categoryKey(key), tally);
    addTo(bySku, skuKey(key), tally);
  }
  return { byReason, byCategory, bySku };
}

/** The history a case learns from; a case without a product category skips that level. */
export function historyFor(index: OutcomeIndex, key: HistoryKey): OutcomeHistory {
  const category = key.productCategory === null ? undefined : index.byCategory.get(categoryKey(key));
  return {
    ...(index.byReason.has(reasonKey(key)) ? { reason: index.byReason.get(reasonKey(key)) } : {}),
    ...(category === undefined ? {} : { category }),
    ...(index.bySku.has(skuKey(key)) ? { sku: index.bySku.get(skuKey(key)) } : {}),
  };
}
