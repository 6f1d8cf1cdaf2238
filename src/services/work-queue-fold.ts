import { listDecisionFactsByStatus, listDecisionFactsOfCases } from '../storage/decision-facts-repository.js';
import type { Transaction } from '../storage/database.js';
import {
  clearQueueMarks, entryIdsWithSkus, findQueueFreshness, findQueueState, lockQueueState, replaceQueueEntries, saveQueueState, takeQueueMarks,
} from '../storage/work-queue-repository.js';
import type { QueueFreshness, QueueMarks } from '../storage/work-queue-repository.js';
import { loadDecisionContext } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';
import { keptUntilChange } from './kept-until-change.js';
import type { Database } from './open-database.js';
import { isQueued, openStatuses, queueEntryOf } from './work-queue-entries.js';

// The queue's index (docs/decisions.md, "The queue index") is brought up to date before each read:
// triggers mark every case, MFN report row and product written since (migration 20261128T1500), and a
// fold recomputes the entries of the marked cases, or the whole account's when the policy in force is
// not the one the entries were computed under (its deadline rules set the clocks). No service that
// changes a case has to know about the queue.

/** Cases read and decided per query while folding: far below both dialects' limits on bound parameters. */
const chunkSize = 500;

// Folds of one database in this process, one after the other. SQLite's write lock would otherwise make
// a second fold's BEGIN IMMEDIATE wait synchronously (busy_timeout) for a first one that cannot go on
// while the event loop is blocked; across processes (and on PostgreSQL) the state row lock orders them.
const runningFolds = new WeakMap<Database, Promise<void>>();

/**
 * Brings the account's queue index up to date; cheap (one query of indexed reads) when nothing changed.
 * Returns the index's generation the read sees.
 */
export async function refreshQueueIndex(database: Database, accountId: number, nowIso: string): Promise<number> {
  const generation = await currentGeneration(database, accountId);
  if (generation !== null) return generation;
  const previous = runningFolds.get(database) ?? Promise.resolve();
  const fold = previous.then(async () => {
    // Another fold may have done the work while this one waited.
    if (await currentGeneration(database, accountId) === null) await foldAccount(database, accountId, nowIso);
  });
  runningFolds.set(database, fold.catch(() => undefined));
  await fold;
  return (await findQueueState(database.db, accountId))!.generation;
}

// Read on every queue request; anything that could make the index stale is a commit.
const freshness = keptUntilChange<number, QueueFreshness>(100);

/** The generation of an index that is up to date, or null when it needs a fold. */
async function currentGeneration(database: Database, accountId: number): Promise<number | null> {
  const { state, policyVersion, marked } = await freshness.read(database, accountId, () => findQueueFreshness(database.db, accountId));
  return state?.policyVersion === policyVersion && !marked ? state.generation : null;
}

async function foldAccount(database: Database, accountId: number, nowIso: string): Promise<void> {
  await database.transaction(async (tx) => {
    // Folds of one account take turns (a row lock on PostgreSQL; SQLite has one writer anyway), so two
    // server processes folding at once neither double entries nor clear each other's marks.
    const locked = await lockQueueState(tx, accountId, nowIso);
    const context = await loadDecisionContext(database, accountId);
    const marks = await takeQueueMarks(tx, accountId);
    if (locked.policyVersion !== context.policyVersion) await rebuildEntries(tx, accountId, context);
    else await foldMarks(tx, accountId, context, marks);
    await clearQueueMarks(tx, accountId, marks);
    await saveQueueState(tx, accountId, context.policyVersion!, nowIso);
  });
}

/** Every open seller-fulfilled case of the account, computed anew. */
async function rebuildEntries(tx: Transaction, accountId: number, context: DecisionContext): Promise<void> {
  const facts = await listDecisionFactsByStatus(tx.db, accountId, openStatuses);
  await replaceQueueEntries(tx, accountId, 'all', facts.map((f) => queueEntryOf(f, context)));
}

/** The marked cases (and the queued cases of marked SKUs): entries for those still queued, none for the others. */
async function foldMarks(tx: Transaction, accountId: number, context: DecisionContext, marks: QueueMarks): Promise<void> {
  const caseIds = new Set([...marks.cases.keys(), ...await entryIdsWithSkus(tx.db, accountId, [...marks.skus.keys()])]);
  const ids = [...caseIds];
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    const facts = await listDecisionFactsOfCases(tx.db, accountId, chunk);
    await replaceQueueEntries(tx, accountId, chunk, facts.filter(isQueued).map((f) => queueEntryOf(f, context)));
  }
}
