import { chainEntry, verifyChain } from '../domain/access/audit-chain.js';
import type { AuditEntry, AuditFields, ChainCheck } from '../domain/access/audit-chain.js';
import type { Database, Transaction } from '../storage/database.js';
import { chainNames, chainPage, insertEntry, lastEntry, lockChain, recentEntries } from '../storage/audit-repository.js';
import { sha256Hex as sha256 } from './secrets.js';

// The audit log (docs/security.md#audit-log): every change, who made it, when, and the record before
// and after; `returndesk audit verify` walks every hash chain.

/** The chain of a seller account's changes; 'instance' holds the users'. */
export const accountChain = (accountId: number) => `account:${accountId}`;
export const instanceChain = 'instance';

export interface Change {
  readonly chain: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** The record before and after (undefined: did not exist, or no longer does); stored as JSON. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: string;
}

/** Appends a change to its chain, inside the transaction that makes it (both land, or neither). */
export async function recordChange(tx: Transaction, change: Change): Promise<AuditEntry> {
  await lockChain(tx, change.chain);
  const fields: Omit<AuditFields, 'seq'> = {
    chain: change.chain, at: change.at, actor: change.actor, action: change.action, subject: change.subject,
    before: change.before === undefined ? null : JSON.stringify(change.before), after: change.after === undefined ? null : JSON.stringify(change.after),
  };
  const entry = chainEntry(fields, await lastEntry(tx.db, change.chain), sha256);
  await insertEntry(tx, entry);
  return entry;
}

/** Checks every chain from its first entry, 10,000 entries read at a time. */
export async function verifyAuditLog(database: Database): Promise<ChainCheck[]> {
  const checks: ChainCheck[] = [];
  for (const chain of await chainNames(database.db)) checks.push(await verifyOneChain(database, chain));
  return checks;
}

/** Checks one chain from its first entry (an account's, for its managers). */
export async function verifyOneChain(database: Database, chain: string): Promise<ChainCheck> {
  let previous: AuditEntry | undefined;
  let count = 0;
  for (;;) {
    const page = await chainPage(database.db, chain, previous?.seq ?? 0, 10_000);
    const check = verifyChain(chain, page, sha256, previous);
    count += page.length;
    if (check.broken !== null) return { ...check, entries: count };
    if (page.length < 10_000) return { chain, entries: count, broken: null };
    previous = page.at(-1);
  }
}

/** The newest entries of a chain, newest first (at most `limit`). */
export async function recentChanges(database: Database, chain: string, limit: number): Promise<AuditEntry[]> {
  return recentEntries(database.db, chain, limit);
}
