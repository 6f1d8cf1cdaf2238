import { DomainError } from '../domain/errors.js';
import { findMarketplace } from '../domain/marketplaces.js';
import { fixVerdict } from '../domain/prevention/rate-verdicts.js';
import type { Counts, FixVerdict } from '../domain/prevention/rate-verdicts.js';
import { fixSpans, judgedOn, weeksIn } from '../domain/prevention/week-windows.js';
import type { WeekSpan } from '../domain/prevention/week-windows.js';
import { insertListingFix, listListingFixes, skuPresence } from '../storage/listing-fix-repository.js';
import type { ListingFix } from '../storage/listing-fix-repository.js';
import { weekSpanCounts } from '../storage/prevention-repository.js';
import type { PreventionPolicy } from '../domain/prevention/prevention-policy.js';
import { accountChain, recordChange } from './audit.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { parseAsOf, parseDay } from './report-options.js';
import { returnsThrough } from '../storage/prevention-rollup-repository.js';

// The fix log (docs/prevention.md#fix-log): the seller records a listing change, and ReturnDesk compares
// the SKU's return rate in the purchase weeks before it with the weeks after, with an interval.

export type { ListingFix };

export interface ListingFixInput {
  readonly sku: string;
  readonly marketplace?: string;
  /** YYYY-MM-DD; not after `today`. */
  readonly changedOn: string;
  readonly what: string;
  readonly by: string;
}

const maxWhatLength = 500;

/**
 * Records a fix made on a listing, with its audit entry `fix.add` naming `actor` in the same
 * transaction; refuses an unknown SKU (a typo would never get a verdict), a future day, an unknown
 * marketplace or an empty change, and writes nothing then.
 */
export async function recordListingFix(database: Database, accountId: number, input: ListingFixInput, nowIso = new Date().toISOString(), actor = 'cli'): Promise<ListingFix> {
  const fix = { accountId, ...checkedFix(input, nowIso), recordedAt: nowIso };
  await ensurePreventionRollups(database, accountId);
  await requireSoldSku(database, accountId, fix.sku, fix.marketplaceCode);
  return database.transaction(async (tx) => {
    const recorded = { id: await insertListingFix(tx, fix), ...fix };
    await recordChange(tx, { chain: accountChain(accountId), actor, action: 'fix.add', subject: `fix:${recorded.id}`, after: recorded, at: nowIso });
    return recorded;
  });
}

/** The input trimmed and checked on its own: what needs no database. */
function checkedFix(input: ListingFixInput, nowIso: string): Pick<ListingFix, 'sku' | 'marketplaceCode' | 'changedOn' | 'what' | 'recordedBy'> {
  const sku = input.sku.trim();
  const what = input.what.trim();
  const by = input.by.trim();
  const changedOn = parseDay(input.changedOn, '--on')!;
  if (sku === '') throw new DomainError('invalid_input', '--sku must name a SKU.', {});
  if (what === '' || what.length > maxWhatLength) throw new DomainError('invalid_input', `--what must say what changed, in 1 to ${maxWhatLength} characters.`, { length: what.length });
  if (by === '') throw new DomainError('invalid_input', '--by must name who made the change.', {});
  if (changedOn > nowIso.slice(0, 10)) throw new DomainError('invalid_input', `--on ${changedOn} is in the future: record a fix once it is live.`, { changedOn });
  const marketplaceCode = input.marketplace === undefined ? null : findMarketplace(input.marketplace)?.code ?? null;
  if (input.marketplace !== undefined && marketplaceCode === null) throw new DomainError('invalid_input', `--marketplace "${input.marketplace}" is not a marketplace ReturnDesk knows.`, { marketplace: input.marketplace });
  return { sku, marketplaceCode, changedOn, what, recordedBy: by };
}

async function requireSoldSku(database: Database, accountId: number, sku: string, marketplaceCode: string | null): Promise<void> {
  const presence = await skuPresence(database.db, accountId, sku);
  if (presence.marketplaces.length === 0 && !presence.listed) {
    throw new DomainError('invalid_input', `No order line, return or product has the SKU "${sku}": check its spelling.`, { sku });
  }
  if (marketplaceCode !== null && presence.marketplaces.length > 0 && !presence.marketplaces.includes(marketplaceCode)) {
    throw new DomainError('invalid_input', `${sku} has no order lines or returns in ${marketplaceCode}, only in ${presence.marketplaces.join(', ')}.`, { sku, marketplace: marketplaceCode });
  }
}

export interface FixResult {
  readonly fix: ListingFix;
  readonly before: WeekSpan;
  readonly after: WeekSpan;
  /** Closed weeks after the fix so far, of the policy's window. */
  readonly weeksAfter: number;
  readonly windowWeeks: number;
  /** Null while no week after the fix is closed, or when `problem` says why there is none. */
  readonly verdict: FixVerdict | null;
  readonly problem: string | null;
}

export interface FixListOptions {
  readonly sku?: string;
  /** YYYY-MM-DD, not after today; default today. */
  readonly asOf?: string;
  /** The clock "today" is read from (the server's); default the real one. */
  readonly nowIso?: string;
}

/** Every fix (of one SKU, when given) with its before-and-after verdict as on `asOf` (default today, UTC). */
export async function listingFixResults(database: Database, accountId: number, options: FixListOptions = {}): Promise<FixResult[]> {
  return (await listingFixPage(database, accountId, options)).items;
}

/**
 * One page of the fix log (oldest change first), each fix judged as on `asOf`, and how many fixes
 * match: only the fixes of the page are judged (each is a read of its SKU's purchase weeks).
 */
export async function listingFixPage(
  database: Database, accountId: number, options: FixListOptions & { limit?: number; offset?: number } = {},
): Promise<{ items: FixResult[]; total: number }> {
  const { policy } = await showPolicy(database, accountId);
  const asOfDay = parseAsOf(options.asOf, options.nowIso);
  await ensurePreventionRollups(database, accountId);
  const asOf = judgedOn(asOfDay, await returnsThrough(database.db, accountId));
  const fixes = await listListingFixes(database.db, accountId, options.sku?.trim());
  const offset = options.offset ?? 0;
  const page = fixes.slice(offset, options.limit === undefined ? undefined : offset + options.limit);
  return { items: await Promise.all(page.map((fix) => judgeFix(database, accountId, fix, asOf, policy.prevention))), total: fixes.length };
}

async function judgeFix(database: Database, accountId: number, fix: ListingFix, asOf: string, prevention: PreventionPolicy): Promise<FixResult> {
  const spans = fixSpans(fix.changedOn, asOf, prevention);
  const weeksAfter = weeksIn(spans.after);
  const rows = await weekSpanCounts(database.db, accountId, spans, prevention.followUpWeeks, { sku: fix.sku, marketplaceCode: fix.marketplaceCode });
  const total = (name: 'before' | 'after') => rows.reduce<Counts>((sum, r) => ({ shipped: sum.shipped + r.counts[name].shipped, returned: sum.returned + r.counts[name].returned }), { shipped: 0, returned: 0 });
  const [before, after] = [total('before'), total('after')];
  // More returned than shipped means order lines are missing: no honest verdict.
  const overflow = before.returned > before.shipped || after.returned > after.shipped;
  const problem = overflow ? 'more units returned than shipped in these weeks: the All Orders report is missing lines' : null;
  const verdict = weeksAfter > 0 && !overflow ? fixVerdict(before, after, prevention) : null;
  return { fix, ...spans, weeksAfter, windowWeeks: prevention.fixWindowWeeks, verdict, problem };
}

const percent = (share: number) => (share * 100).toFixed(2);

export function isFixTableNumber(header: string): boolean {
  return header.endsWith('_shipped') || header.endsWith('_returned') || header.endsWith('_pct') || header === 'weeks_after' || header === 'id';
}

export function fixTable(results: readonly FixResult[]): string[][] {
  const header = ['id', 'sku', 'marketplace', 'changed_on', 'what', 'weeks_after', 'verdict', 'before_shipped', 'before_returned', 'before_rate_pct',
    'after_shipped', 'after_returned', 'after_rate_pct', 'change_pct', 'change_low_pct', 'change_high_pct'];
  return [header, ...results.map(({ fix, verdict, weeksAfter }) => [
    String(fix.id), fix.sku, fix.marketplaceCode ?? '', fix.changedOn, fix.what, String(weeksAfter), verdict?.verdict ?? (weeksAfter === 0 ? 'waiting' : 'no_verdict'),
    ...(verdict ? [String(verdict.before.total), String(verdict.before.count), percent(verdict.before.rate), String(verdict.after.total),
      String(verdict.after.count), percent(verdict.after.rate), percent(verdict.difference), percent(verdict.low), percent(verdict.high)] : Array<string>(9).fill('')),
  ])];
}
