import { describe, expect, it } from 'vitest';
import { chainEntry, genesisHash, verifyChain } from './audit-chain.js';
import type { AuditEntry } from './audit-chain.js';

/** FNV-1a, a stand-in digest: the chain's rules do not depend on which one (the service uses SHA-256). */
const digest = (text: string) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
};

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(chainEntry({
      chain: 'account:1', at: `2026-11-27T10:0${i}:00.000Z`, actor: 'user:1', action: 'case.update', subject: `case:${i}`,
      before: JSON.stringify({ status: 'open' }), after: JSON.stringify({ status: 'closed' }),
    }, entries.at(-1), digest));
  }
  return entries;
}

describe('the audit hash chain', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    const entries = chainOf(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(genesisHash);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(verifyChain('account:1', entries, digest)).toEqual({ chain: 'account:1', entries: 3, broken: null });
  });

  it('finds an entry changed, removed, inserted or moved to another chain', () => {
    const entries = chainOf(4);
    const changed = entries.map((e, i) => (i === 1 ? { ...e, after: JSON.stringify({ status: 'refunded' }) } : e));
    expect(verifyChain('account:1', changed, digest).broken).toEqual({ seq: 2, reason: 'Entry 2 does not match its own fields (it was changed).' });
    expect(verifyChain('account:1', [entries[0]!, entries[2]!, entries[3]!], digest).broken?.reason).toMatch(/Entry 3 is number 3 where 2 should follow/);
    // Rehashing a changed entry does not help: the next entry names the old hash.
    const rehashed = changed.map((e, i) => (i === 1 ? chainEntry({ ...e }, entries[0], digest) : e));
    expect(verifyChain('account:1', rehashed, digest).broken).toEqual({ seq: 3, reason: 'Entry 3 does not name the previous entry\'s hash.' });
    expect(verifyChain('account:2', entries, digest).broken?.reason).toBe('Entry 1 belongs to chain account:1.');
  });
});
