import { addTallies, emptyTally, subtractTallies } from '../domain/decisions/learning.js';
import type { OutcomeHistory, OutcomeTally } from '../domain/decisions/learning.js';
import { conditionGrades } from '../domain/policy/policy.js';
import type { ConditionGrade } from '../domain/policy/policy.js';
import type { OutcomeCountRow } from '../storage/outcome-repository.js';

/**
 * The seller's recorded outcomes rolled up within each reason category: in all, per product category,
 * per SKU, and per SKU and product category (a SKU's category can change over time). Built once per
 * command from grouped counts; a case's disjoint history is then a few map lookups.
 */
export interface OutcomeIndex {
  readonly byReason: ReadonlyMap<string, OutcomeTally>;
  readonly byCategory: ReadonlyMap<string, OutcomeTally>;
  readonly bySku: ReadonlyMap<string, OutcomeTally>;
  readonly bySkuInCategory: ReadonlyMap<string, OutcomeTally>;
}

export interface HistoryKey {
  readonly reasonCategory: string | null;
  readonly productCategory: string | null;
  readonly sku: string;
}

const reasonKey = (key: HistoryKey) => key.reasonCategory ?? '';
const categoryKey = (key: HistoryKey) => `${key.reasonCategory ?? ''}\t${key.productCategory ?? ''}`;
const skuKey = (key: HistoryKey) => `${key.reasonCategory ?? ''}\t${key.sku}`;
const skuInCategoryKey = (key: HistoryKey) => `${categoryKey(key)}\t${key.sku}`;

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
  const bySkuInCategory = new Map<string, OutcomeTally>();
  for (const row of rows) {
    const tally = tallyOf(row);
    const key = { reasonCategory: row.reasonCategory, productCategory: row.productCategory, sku: row.sku };
    addTo(byReason, reasonKey(key), tally);
    addTo(bySku, skuKey(key), tally);
    if (row.productCategory === null) continue;
    addTo(byCategory, categoryKey(key), tally);
    addTo(bySkuInCategory, skuInCategoryKey(key), tally);
  }
  return { byReason, byCategory, bySku, bySkuInCategory };
}

const hasData = (tally: OutcomeTally) => tally.offers.some((o) => o.accepted + o.declined > 0) || Object.values(tally.grades).some((n) => (n ?? 0) > 0);

/**
 * The history a case learns from, as disjoint slices so every outcome counts once: the SKU's own
 * outcomes; those of other SKUs in its product category; the rest of its reason category. A case
 * without a product category has no middle slice.
 */
export function historyFor(index: OutcomeIndex, key: HistoryKey): OutcomeHistory {
  const empty = emptyTally();
  const reasonAll = index.byReason.get(reasonKey(key)) ?? empty;
  const sku = index.bySku.get(skuKey(key)) ?? empty;
  const categoryAll = key.productCategory === null ? empty : index.byCategory.get(categoryKey(key)) ?? empty;
  const skuInCategory = key.productCategory === null ? empty : index.bySkuInCategory.get(skuInCategoryKey(key)) ?? empty;
  // The SKU's outcomes filed under another product category belong to neither the category nor the rest.
  const skuElsewhere = subtractTallies(sku, skuInCategory);
  const slices = {
    reason: subtractTallies(subtractTallies(reasonAll, categoryAll), skuElsewhere),
    category: subtractTallies(categoryAll, skuInCategory),
    sku,
  };
  return Object.fromEntries(Object.entries(slices).filter(([, tally]) => hasData(tally)));
}
