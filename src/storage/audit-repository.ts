import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../domain/access/audit-chain.js';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

// The audit log (migration 20261128T1300-access): append-only (the database refuses updates and
// deletes), one hash chain per seller account and one for the instance.

type Db = Kysely<Schema>;

/**
 * Holds the chain until the transaction ends on PostgreSQL, so two writers never give two entries the
 * same number (the unique (chain, seq) constraint would refuse the second). SQLite has one writer.
 */
export async function lockChain(tx: Transaction, chain: string): Promise<void> {
  // 'RD' 'AU': ReturnDesk's audit chains; the second key a hash of the chain's name.
  if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${0x52444155}, hashtext(${chain}))`.execute(tx.db);
}

function toEntry(r: { chain: string; seq: number; at: string; actor: string; action: string; subject: string; before: string | null; after: string | null; prev_hash: string; hash: string }): AuditEntry {
  return {
    chain: r.chain, seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, subject: r.subject, before: r.before, after: r.after,
    prevHash: r.prev_hash, hash: r.hash,
  };
}

const columns = ['chain', 'seq', 'at', 'actor', 'action', 'subject', 'before', 'after', 'prev_hash', 'hash'] as const;

export async function lastEntry(db: Db, chain: string): Promise<AuditEntry | undefined> {
  const row = await db.selectFrom('audit_log').select([...columns]).where('chain', '=', chain).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && toEntry(row);
}

export async function insertEntry(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.db.insertInto('audit_log').values({
    chain: entry.chain, seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, before: entry.before,
    after: entry.after, prev_hash: entry.prevHash, hash: entry.hash,
  }).execute();
}

export async function chainNames(db: Db): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('chain').distinct().execute()).map((r) => r.chain).sort();
}

/** A chain's entries in order, `pageSize` at a time from after `afterSeq`. */
export async function chainPage(db: Db, chain: string, afterSeq: number, pageSize: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').select([...columns]).where('chain', '=', chain).where('seq', '>', afterSeq)
    .orderBy('seq').limit(pageSize).execute();
  return rows.map(toEntry);
}

/** The newest entries of a chain, newest first. */
export async function recentEntries(db: Db, chain: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').select([...columns]).where('chain', '=', chain).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}
