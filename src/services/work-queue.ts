import { fourHoursMs, urgencies } from '../domain/deadlines/case-clocks.js';
import type { Urgency } from '../domain/deadlines/case-clocks.js';
import { formatInstant, parseInstant } from '../domain/deadlines/instant.js';
import { msPerDay } from '../domain/deadlines/civil-date.js';
import { fromLocalMs, toLocalMs } from '../domain/deadlines/time-zone.js';
import { marketplaces } from '../domain/marketplaces.js';
import { listDecisionFactsOfCases } from '../storage/decision-facts-repository.js';
import { declinedStepsOfCases, pageQueueEntries } from '../storage/work-queue-repository.js';
import type { DueRange, QueueEntry, QueueFilter } from '../storage/work-queue-repository.js';
import { loadDecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';
import { queueItem } from './work-queue-entries.js';
import { countQueue } from './work-queue-counts.js';
import type { UrgencyBounds } from './work-queue-counts.js';
import type { QueueItem } from './work-queue-entries.js';
import { refreshQueueIndex } from './work-queue-fold.js';

export type { QueueItem } from './work-queue-entries.js';
export type { QueueFilter } from '../storage/work-queue-repository.js';

export interface WorkQueue {
  readonly nowIso: string;
  readonly items: readonly QueueItem[];
  /** Cases per urgency, of the whole filtered queue (not only this page). */
  readonly counts: Readonly<Record<Urgency, number>>;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface QueuePage {
  readonly filter?: QueueFilter;
  readonly limit?: number;
  readonly offset?: number;
}


// Where each marketplace's local day ends, kept for the day (20 time zone conversions per read were
// half the time of a cached page).
const localDays = new Map<string, { readonly startMs: number; readonly endMs: number; readonly endIso: string }>();

function localDayEnd(code: string, timeZone: string, nowMs: number): string {
  const known = localDays.get(code);
  if (known && nowMs >= known.startMs && nowMs < known.endMs) return known.endIso;
  const midnight = Math.floor(toLocalMs(timeZone, nowMs) / msPerDay) * msPerDay;
  const endMs = fromLocalMs(timeZone, midnight + msPerDay);
  localDays.set(code, { startMs: fromLocalMs(timeZone, midnight), endMs, endIso: formatInstant(endMs) });
  return formatInstant(endMs);
}

/** The moments that separate the urgencies at `nowIso` (case-clocks.ts `urgencyOf`); "today" ends with each marketplace's local day. */
function urgencyBounds(nowIso: string): UrgencyBounds {
  const now = parseInstant(nowIso);
  const dayEnds = new Map(marketplaces.map((m) => [m.code, localDayEnd(m.code, m.timeZone, now)]));
  return { nowIso, inFourHours: formatInstant(now + fourHoursMs), dayEnds };
}

/**
 * The due-time range of each urgency, as index ranges: overdue before now, within 4 hours up to
 * now + 4 h inclusive, today up to the end of the marketplace's local day, later after it, then the
 * cases without a clock.
 */
function urgencyRanges({ nowIso, inFourHours, dayEnds }: UrgencyBounds): Record<Urgency, DueRange> {
  return {
    overdue: { to: nowIso },
    within_4_hours: { from: nowIso, fromInclusive: true, to: inFourHours, toInclusive: true },
    today: { from: inFourHours, byMarketplace: { bounds: dayEnds, side: 'before' } },
    later: { from: inFourHours, byMarketplace: { bounds: dayEnds, side: 'from' } },
    no_deadline: { noDue: true },
  };
}

/** The entries of one page, walking the urgencies in order and skipping whole ones by their counts. */
async function pageEntries(
  database: Database, accountId: number, filter: QueueFilter, ranges: Record<Urgency, DueRange>, counts: Record<Urgency, number>, limit: number, offset: number,
): Promise<QueueEntry[]> {
  const entries: QueueEntry[] = [];
  let skip = offset;
  for (const urgency of urgencies) {
    if (entries.length === limit) break;
    if (skip >= counts[urgency]) {
      skip -= counts[urgency];
      continue;
    }
    entries.push(...await pageQueueEntries(database.db, accountId, filter, ranges[urgency], limit - entries.length, skip));
    skip = 0;
  }
  return entries;
}

/** The page's items with their recommendations: only these cases are decided. */
async function itemsOf(database: Database, accountId: number, entries: readonly QueueEntry[], nowIso: string): Promise<QueueItem[]> {
  if (entries.length === 0) return [];
  const caseIds = entries.map((e) => e.caseId);
  const [context, facts, declined] = await Promise.all([
    loadDecisionContext(database, accountId),
    listDecisionFactsOfCases(database.db, accountId, caseIds),
    declinedStepsOfCases(database.db, accountId, caseIds),
  ]);
  const byId = new Map(facts.map((f) => [f.returnCase.id, f]));
  return entries.flatMap((entry) => {
    const found = byId.get(entry.caseId);
    return found ? [queueItem(found, context, nowIso, declined.get(entry.caseId) ?? [])] : [];
  });
}

// Pages computed lately, per database: reused while the index is at the same generation (no case,
// report row, product, outcome or policy changed, in any server process) and no case changed urgency
// (`QueueCounts.signature`), when a recomputation would give the very same items. Deciding a page's
// cases anew on every read was most of its time (npm run bench:api).
interface CachedPage { readonly generation: number; readonly signature: string; readonly items: readonly QueueItem[] }
const maxCachedPages = 256;
const pageCache = new WeakMap<Database, Map<string, CachedPage>>();

function cachedPages(database: Database): Map<string, CachedPage> {
  let pages = pageCache.get(database);
  if (!pages) pageCache.set(database, pages = new Map());
  return pages;
}

/**
 * One page of the account's open seller-fulfilled cases needing action (requests to answer, received
 * items to refund), most urgent first: overdue, due within 4 hours, due today (marketplace time),
 * later, then those without a clock; within an urgency the earlier due time, the larger amount at
 * stake (an unknown one as 0), the lower case id. Read from the queue's index, brought up to date
 * first; only the page's cases are decided. A case whose price is unknown stays with its `problem`.
 */
export async function listQueue(database: Database, accountId: number, nowIso: string, page: QueuePage = {}): Promise<WorkQueue> {
  const filter = page.filter ?? {};
  const limit = page.limit ?? 50;
  const offset = page.offset ?? 0;
  const generation = await refreshQueueIndex(database, accountId, nowIso);
  const bounds = urgencyBounds(nowIso);
  const { counts, signature } = await countQueue(database, accountId, filter, generation, bounds);
  const total = urgencies.reduce((sum, u) => sum + counts[u], 0);
  const pages = cachedPages(database);
  const key = JSON.stringify([accountId, filter.marketplace, filter.reasonCategory, filter.fault, filter.status, filter.task, filter.sku, limit, offset]);
  const cached = pages.get(key);
  if (cached?.generation === generation && cached.signature === signature) return { nowIso, items: cached.items, counts, total, limit, offset };
  const entries = await pageEntries(database, accountId, filter, urgencyRanges(bounds), counts, limit, offset);
  const items = await itemsOf(database, accountId, entries, nowIso);
  pages.delete(key);
  if (pages.size >= maxCachedPages) pages.delete(pages.keys().next().value!);
  pages.set(key, { generation, signature, items });
  return { nowIso, items, counts, total, limit, offset };
}

/** The whole queue, a page at a time (the CLI's `returndesk queue`). */
export async function listWholeQueue(database: Database, accountId: number, nowIso: string, filter: QueueFilter = {}): Promise<WorkQueue> {
  const limit = 500;
  const first = await listQueue(database, accountId, nowIso, { filter, limit });
  const items = [...first.items];
  for (let offset = limit; offset < first.total; offset += limit) items.push(...(await listQueue(database, accountId, nowIso, { filter, limit, offset })).items);
  return { ...first, items, limit: Math.max(items.length, 1), offset: 0 };
}
