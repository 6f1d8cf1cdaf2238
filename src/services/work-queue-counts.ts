import type { Urgency } from '../domain/deadlines/case-clocks.js';
import { countQueueDueTimes, listQueueDueTimes } from '../storage/work-queue-repository.js';
import type { QueueFilter } from '../storage/work-queue-repository.js';
import type { Database } from './open-database.js';
import { emptyCounts } from './work-queue-entries.js';

// Counts per urgency without counting rows on every read: counting the index ranges of a 40,000-case
// queue took milliseconds per read, the whole budget of a page (npm run bench:api). The due times of
// a filtered queue are kept sorted per marketplace for one generation of the index (every fold moves it
// on, in any server process); each read then counts by binary search at its own moment. Loading them
// takes ~45 ms for 40,000 cases, so right after a change the database counts instead (~3 ms), and the
// due times are loaded only once a second read finds the index unchanged: under a stream of writes,
// reloading after each one filled the event loop (bench:api's mixed run, readers' p50 at 424 ms).

/** The moments a read counts at: now, now + 4 hours, and where each marketplace's local day ends. */
export interface UrgencyBounds {
  readonly nowIso: string;
  readonly inFourHours: string;
  readonly dayEnds: ReadonlyMap<string, string>;
}

interface DueTimes {
  readonly generation: number;
  readonly all: readonly string[];
  readonly byMarketplace: ReadonlyMap<string, readonly string[]>;
  readonly noDue: number;
}

const maxCached = 64;
const cache = new WeakMap<Database, Map<string, DueTimes>>();
/** Per filter, the generation the database last counted: a second read at it loads the due times. */
const countedAt = new WeakMap<Database, Map<string, number>>();

/** How many of the sorted `values` are below `bound` (or at most `bound` with `inclusive`). */
function countBelow(values: readonly string[], bound: string, inclusive = false): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < bound || (inclusive && values[mid] === bound)) low = mid + 1;
    else high = mid;
  }
  return low;
}

async function loadDueTimes(database: Database, accountId: number, filter: QueueFilter, generation: number): Promise<DueTimes> {
  const rows = await listQueueDueTimes(database.db, accountId, filter);
  const all: string[] = [];
  const byMarketplace = new Map<string, string[]>();
  let noDue = 0;
  for (const { marketplace, dueAt } of rows) {
    if (dueAt === null) {
      noDue += 1;
      continue;
    }
    all.push(dueAt);
    let list = byMarketplace.get(marketplace);
    if (!list) byMarketplace.set(marketplace, list = []);
    list.push(dueAt);
  }
  // The database's order is its collation's; binary search needs JavaScript's (the same for ISO text).
  all.sort();
  for (const list of byMarketplace.values()) list.sort();
  return { generation, all, byMarketplace, noDue };
}

const filterKey = (accountId: number, filter: QueueFilter) =>
  JSON.stringify([accountId, filter.marketplace, filter.reasonCategory, filter.fault, filter.status, filter.task, filter.sku]);

/** The due times of this generation when they are loaded, or worth loading now (the generation held since the last read); else undefined. */
async function dueTimesOf(database: Database, accountId: number, filter: QueueFilter, generation: number): Promise<DueTimes | undefined> {
  let byKey = cache.get(database);
  if (!byKey) cache.set(database, byKey = new Map());
  let counted = countedAt.get(database);
  if (!counted) countedAt.set(database, counted = new Map());
  const key = filterKey(accountId, filter);
  const cached = byKey.get(key);
  if (cached?.generation === generation) return cached;
  if (counted.get(key) !== generation) {
    counted.delete(key);
    if (counted.size >= maxCached) counted.delete(counted.keys().next().value!);
    counted.set(key, generation);
    return undefined;
  }
  const loaded = await loadDueTimes(database, accountId, filter, generation);
  byKey.delete(key);
  if (byKey.size >= maxCached) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, loaded);
  return loaded;
}

export interface QueueCounts {
  readonly counts: Record<Urgency, number>;
  /**
   * Equal at two moments (of one generation) exactly when no case changed urgency in between and the
   * UTC day is the same (the day sets the restocking fee caps a recommendation uses): what a page
   * computed at one of them may be reused at the other.
   */
  readonly signature: string;
}

/** Cases per urgency of the filtered queue at `bounds.nowIso`, from the index at `generation`. */
export async function countQueue(database: Database, accountId: number, filter: QueueFilter, generation: number, bounds: UrgencyBounds): Promise<QueueCounts> {
  const due = await dueTimesOf(database, accountId, filter, generation);
  return due ? countLoaded(due, bounds) : countInDatabase(database, accountId, filter, bounds);
}

/** The same counts and signature as {@link countLoaded}, made by the database. */
async function countInDatabase(database: Database, accountId: number, filter: QueueFilter, bounds: UrgencyBounds): Promise<QueueCounts> {
  const rows = await countQueueDueTimes(database.db, accountId, filter, { now: bounds.nowIso, soon: bounds.inFourHours, dayEnds: bounds.dayEnds });
  const counts = emptyCounts();
  const signature: (string | number)[] = [bounds.nowIso.slice(0, 10)];
  const perMarketplace: (string | number)[] = [];
  let dated = 0;
  for (const row of rows) {
    counts.overdue += row.overdue;
    counts.within_4_hours += row.dueBySoon - row.overdue;
    counts.no_deadline += row.noDue;
    dated += row.total - row.noDue;
    if (row.total === row.noDue) continue;
    const dayEnd = bounds.dayEnds.get(row.marketplace);
    perMarketplace.push(row.marketplace, row.dueBySoon, dayEnd ?? '');
    if (dayEnd !== undefined) counts.today += Math.max(0, row.dueBeforeDayEnd - row.dueBySoon);
  }
  counts.later = dated - counts.overdue - counts.within_4_hours - counts.today;
  signature.push(counts.overdue, counts.within_4_hours, ...perMarketplace);
  return { counts, signature: JSON.stringify(signature) };
}

function countLoaded(due: DueTimes, bounds: UrgencyBounds): QueueCounts {
  const counts = emptyCounts();
  counts.overdue = countBelow(due.all, bounds.nowIso);
  counts.within_4_hours = countBelow(due.all, bounds.inFourHours, true) - counts.overdue;
  const signature: (string | number)[] = [bounds.nowIso.slice(0, 10), counts.overdue, counts.within_4_hours];
  for (const [marketplace, list] of [...due.byMarketplace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const dayEnd = bounds.dayEnds.get(marketplace);
    const soon = countBelow(list, bounds.inFourHours, true);
    signature.push(marketplace, soon, dayEnd ?? '');
    if (dayEnd !== undefined) counts.today += Math.max(0, countBelow(list, dayEnd) - soon);
  }
  counts.later = due.all.length - counts.overdue - counts.within_4_hours - counts.today;
  counts.no_deadline = due.noDue;
  return { counts, signature: JSON.stringify(signature) };
}
