import { distinctiveTerms } from '../domain/prevention/comment-terms.js';
import type { SkuTerm } from '../domain/prevention/comment-terms.js';
import { monthDays } from '../domain/prevention/purchase-weeks.js';
import { problemSkus, skuCauses } from '../domain/prevention/problem-skus.js';
import type { ParetoBar, SkuCauses, SkuExcess, SkuUnits } from '../domain/prevention/problem-skus.js';
import { returnsFeeFlags } from '../domain/prevention/returns-fee.js';
import type { ReturnsFeeCheck } from '../domain/prevention/returns-fee.js';
import type { PreventionPolicy } from '../domain/prevention/prevention-policy.js';
import type { RootCause } from '../domain/prevention/root-causes.js';
import type { MonthRange } from '../storage/prevention-repository.js';
import { fbaMonthUnits, marketplaceReasonUnits, purchaseMonths, skuReasonUnits, skuUnits } from '../storage/prevention-sums-repository.js';
import { productCategories } from '../storage/product-repository.js';
import { returnsThrough } from '../storage/prevention-rollup-repository.js';
import { backgroundComments, commentsOfSkus } from '../storage/return-comment-repository.js';
import type { DaySpan, ReturnComment } from '../storage/return-comment-repository.js';
import { listListingFixes } from '../storage/listing-fix-repository.js';
import { listingFixResults } from './listing-fixes.js';
import type { FixResult } from './listing-fixes.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { parseAsOf, parseMonthRange } from './report-options.js';

// `returndesk report causes` (docs/prevention.md#causes): the problem SKUs, why their buyers send them
// back (reasons as a Pareto, the root cause, the buyers' own words) and what to change, with the fixes
// already tried; the reasons of all returns per marketplace; and the FBA returns fee exposure.

/** Comments read per problem SKU, newest first, and how many of the newest of the other SKUs make the background. */
const commentsPerSku = 500;
const backgroundSize = 5_000;
/** Comments quoted under each term. */
const examplesPerTerm = 3;

export interface CauseTerm extends SkuTerm {
  readonly examples: readonly { readonly orderId: string; readonly returnDate: string; readonly text: string }[];
}

export interface ProblemSku extends SkuCauses {
  readonly cause: RootCause | null;
  readonly terms: readonly CauseTerm[];
  readonly fixes: readonly FixResult[];
}

export interface CausesReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly marketplaces: readonly { marketplaceCode: string; shipped: number; returned: number; rate: number; pareto: readonly ParetoBar[] }[];
  readonly problems: readonly ProblemSku[];
  /** Problem SKUs beyond `limit`, not detailed. */
  readonly moreProblems: number;
  readonly returnsFee: ReturnsFeeCheck;
}

/** `asOf` (YYYY-MM-DD, default today by the clock `nowIso`, default the real one): the day the fixes tried are judged on. */
export async function accountCauses(database: Database, accountId: number, options: { from?: string; to?: string; limit?: number; asOf?: string; nowIso?: string } = {}): Promise<CausesReport> {
  const months = parseMonthRange(options);
  // The day once, for every SKU's fixes (and a bad --as-of refused even when no problem SKU has a fix).
  const asOf = parseAsOf(options.asOf, options.nowIso);
  const { policy } = await showPolicy(database, accountId);
  await ensurePreventionRollups(database, accountId);
  const [units, monthList, categories] = await Promise.all([
    skuUnits(database.db, accountId, months), purchaseMonths(database.db, accountId, months), productCategories(database.db, accountId),
  ]);
  const found = problemSkus(units, await marketplaceReasonUnits(database.db, accountId, months), policy.prevention);
  const detailed = await causesOf(database, accountId, monthList, found.problems.slice(0, options.limit ?? 20));
  const span: DaySpan = { fromDay: months.fromMonth && monthDays(months.fromMonth).first, toDay: months.toMonth && monthDays(months.toMonth).next };
  const [terms, fixes] = await Promise.all([termsOf(database, accountId, span, detailed), fixesOf(database, accountId, detailed, asOf)]);
  return {
    from: months.fromMonth ?? null, to: months.toMonth ?? null, marketplaces: found.marketplaces, moreProblems: found.problems.length - detailed.length,
    problems: detailed.map((p) => ({
      ...p, cause: p.dominant?.cause ?? null, terms: terms.get(p.sku) ?? [],
      fixes: fixes.filter((f) => f.fix.sku === p.sku && (f.fix.marketplaceCode === null || f.fix.marketplaceCode === p.marketplaceCode)),
    })),
    returnsFee: await returnsFeeOf(database, accountId, months, units, categories, policy.prevention),
  };
}

/** The problem SKUs shown, with their reasons over the purchase months of `monthList`: only theirs are read. */
async function causesOf(database: Database, accountId: number, monthList: readonly string[], problems: readonly SkuExcess[]): Promise<SkuCauses[]> {
  const reasons = await skuReasonUnits(database.db, database.dialect, accountId, monthList, problems);
  return problems.map((p, i) => skuCauses(p, reasons[i]!));
}

/** The fixes tried on the problem SKUs shown, judged as on `asOf`: only theirs, each a read of its SKU's purchase weeks. */
async function fixesOf(database: Database, accountId: number, problems: readonly SkuCauses[], asOf: string): Promise<FixResult[]> {
  const logged = new Set((await listListingFixes(database.db, accountId)).map((f) => f.sku));
  const skus = [...new Set(problems.map((p) => p.sku))].filter((sku) => logged.has(sku));
  return (await Promise.all(skus.map((sku) => listingFixResults(database, accountId, { sku, asOf })))).flat();
}

/** The FBA returns fee check; the months are read only of SKUs with a category, the others cannot be checked. */
async function returnsFeeOf(
  database: Database, accountId: number, months: MonthRange, units: readonly SkuUnits[], categories: ReadonlyMap<string, string>, policy: PreventionPolicy,
): Promise<ReturnsFeeCheck> {
  const categorized = [...new Set(units.filter((u) => u.fba && categories.has(u.sku)).map((u) => u.sku))];
  const [fbaMonths, through] = await Promise.all([fbaMonthUnits(database.db, database.dialect, accountId, months, categorized), returnsThrough(database.db, accountId)]);
  return returnsFeeFlags(units, fbaMonths, (sku) => categories.get(sku) ?? null, policy, through);
}

/** The terms that set each problem SKU's comments apart from the seller's other SKUs', with comments quoted. */
async function termsOf(database: Database, accountId: number, span: DaySpan, problems: readonly SkuCauses[]): Promise<Map<string, CauseTerm[]>> {
  const skus = [...new Set(problems.map((p) => p.sku))];
  if (skus.length === 0) return new Map();
  const [own, background] = await Promise.all([
    commentsOfSkus(database.db, accountId, span, skus, commentsPerSku), backgroundComments(database.db, accountId, span, skus, backgroundSize),
  ]);
  // Terms are quoted from the SKUs' own comments only; the background holds none of them (other SKUs).
  const byId = new Map<number, ReturnComment>(own.map((c) => [c.id, c]));
  const terms = distinctiveTerms([...own, ...background].map((c) => ({ id: c.id, sku: c.sku, text: c.text })), { focus: new Set(skus) });
  const result = new Map<string, CauseTerm[]>();
  for (const sku of skus) {
    result.set(sku, (terms.get(sku) ?? []).map((term) => ({
      ...term,
      examples: term.commentIds.slice(-examplesPerTerm).reverse().map((id) => byId.get(id)!).map((c) => ({ orderId: c.orderId, returnDate: c.returnDate, text: c.text })),
    })));
  }
  return result;
}

const pct = (share: number) => (share * 100).toFixed(2);

export function isCauseTableNumber(header: string): boolean {
  return ['shipped', 'returned', 'excess_units'].includes(header) || header.endsWith('_pct');
}

/** One row per problem SKU, the cause and its first fix in `lang`. */
export function causeTable(report: CausesReport, lang: 'en' | 'zh'): string[][] {
  const header = ['marketplace', 'sku', 'shipped', 'returned', 'rate_pct', 'low_pct', 'high_pct', 'marketplace_rate_pct', 'excess_units',
    'root_cause', 'cause_share_pct', 'first_fix', 'reasons', 'comment_terms', 'fixes_tried'];
  return [header, ...report.problems.map((p) => [
    p.marketplaceCode, p.sku, String(p.shipped), String(p.returned), pct(p.rate.rate), pct(p.rate.low), pct(p.rate.high), pct(p.marketplaceRate),
    p.excessUnits.toFixed(1), p.cause?.title[lang] ?? '', p.dominant ? pct(p.dominant.share) : '', p.cause?.fixes[0]?.title[lang] ?? '',
    p.pareto.map((b) => `${b.reason} ${b.units}`).join('; '), p.terms.map((t) => `${t.term} (${t.comments})`).join('; '),
    p.fixes.map((f) => `${f.fix.changedOn} ${f.fix.what}: ${f.verdict?.verdict ?? 'waiting'}`).join('; '),
  ])];
}
