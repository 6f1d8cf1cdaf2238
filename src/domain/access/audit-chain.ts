// The audit log's hash chain (issue 7, docs/security.md): each entry's hash is the SHA-256 of its fields
// and the previous entry's hash, so changing, inserting or removing an entry anywhere breaks every hash
// after it. The digest comes in as a function: the domain computes nothing with node:crypto itself.

/** The hash before a chain's first entry. */
export const genesisHash = '0'.repeat(64);

export interface AuditFields {
  /** 'account:<id>' for a seller account's changes, 'instance' for users. */
  readonly chain: string;
  /** 1, 2, 3… within the chain. */
  readonly seq: number;
  /** UTC ISO-8601. */
  readonly at: string;
  /** Who: 'user:<id>', 'token:<id>', or 'cli:<os user>' for the command line on the server. */
  readonly actor: string;
  /** What, as `resource.verb` (`user.add`, `case.update`). */
  readonly action: string;
  /** Which record: 'user:3', 'case:1042'. */
  readonly subject: string;
  /** The record before and after, as JSON text; null when it did not exist before, or no longer does. */
  readonly before: string | null;
  readonly after: string | null;
}

export interface AuditEntry extends AuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

export type Digest = (text: string) => string;

/** The text an entry's hash is taken of: its fields in a fixed order, and the previous hash. */
export function auditPayload(fields: AuditFields, prevHash: string): string {
  return JSON.stringify([fields.chain, fields.seq, fields.at, fields.actor, fields.action, fields.subject, fields.before, fields.after, prevHash]);
}

/** The entry that follows `previous` (undefined: the chain's first). */
export function chainEntry(fields: Omit<AuditFields, 'seq'>, previous: AuditEntry | undefined, digest: Digest): AuditEntry {
  const prevHash = previous?.hash ?? genesisHash;
  const linked = { ...fields, seq: (previous?.seq ?? 0) + 1 };
  return { ...linked, prevHash, hash: digest(auditPayload(linked, prevHash)) };
}

export interface ChainCheck {
  readonly chain: string;
  readonly entries: number;
  /** The first entry that does not follow from the one before, and why; null when the chain holds. */
  readonly broken: { readonly seq: number; readonly reason: string } | null;
}

/** Checks one chain's entries, in `seq` order, from the first, or from after `previous` (a chain read a page at a time). */
export function verifyChain(chain: string, entries: readonly AuditEntry[], digest: Digest, previous?: AuditEntry): ChainCheck {
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    const reason = entry.chain !== chain ? `belongs to chain ${entry.chain}`
      : entry.seq !== expectedSeq ? `is number ${entry.seq} where ${expectedSeq} should follow (an entry was removed or inserted)`
        : entry.prevHash !== (previous?.hash ?? genesisHash) ? 'does not name the previous entry\'s hash'
          : entry.hash !== digest(auditPayload(entry, entry.prevHash)) ? 'does not match its own fields (it was changed)'
            : null;
    if (reason !== null) return { chain, entries: entries.length, broken: { seq: entry.seq, reason: `Entry ${entry.seq} ${reason}.` } };
    previous = entry;
  }
  return { chain, entries: entries.length, broken: null };
}
