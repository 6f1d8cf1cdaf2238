import type { Kysely } from 'kysely';
import type { Policy } from '../domain/policy/policy.js';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

/** One applied version of an account's policy. */
export interface StoredPolicy {
  readonly version: number;
  readonly policy: Policy;
  /** sha256 of the policy's canonical JSON: the same content always has the same hash. */
  readonly sha256: string;
  /** The file it was applied from. */
  readonly sourceName: string;
  readonly appliedAt: string;
}

export interface PolicyVersion extends StoredPolicy {
  readonly accountId: number;
}

/** The policy version in force for an account (the highest), or `undefined` when none was applied. */
export async function findCurrentPolicy(db: Kysely<Schema>, accountId: number): Promise<StoredPolicy | undefined> {
  const row = await db.selectFrom('policies').selectAll()
    .where('account_id', '=', accountId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  // The body was validated before it was stored.
  return { version: row.version, policy: JSON.parse(row.body) as Policy, sha256: row.sha256, sourceName: row.source_name, appliedAt: row.applied_at };
}

/** Stores a version; the unique (account_id, version) index refuses a version that already exists. */
export async function insertPolicyVersion(tx: Transaction, version: PolicyVersion): Promise<void> {
  await tx.db.insertInto('policies').values({
    account_id: version.accountId, version: version.version, body: JSON.stringify(version.policy),
    sha256: version.sha256, source_name: version.sourceName, applied_at: version.appliedAt,
  }).execute();
}
