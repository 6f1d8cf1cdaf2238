import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { accountChain, recordChange, verifyAuditLog } from './audit.js';

const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(testDatabases)('the audit log on $name', (target) => {
  const db = useFreshDatabase(target);
  const record = (chain: string, minute: number, after: unknown) => db().transaction((tx) => recordChange(tx, {
    chain, actor: 'user:1', action: 'case.update', subject: 'case:7', before: { status: 'open' }, after, at: at(minute),
  }));

  it('chains each account\'s changes apart and verifies them', async () => {
    for (let i = 0; i < 3; i++) await record(accountChain(1), i, { status: `step ${i}` });
    await record(accountChain(2), 5, { status: 'closed' });
    expect(await verifyAuditLog(db())).toEqual([
      { chain: 'account:1', entries: 3, broken: null }, { chain: 'account:2', entries: 1, broken: null },
    ]);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await record(accountChain(1), 1, { status: 'closed' });
    await expect(db().db.updateTable('audit_log').set({ after: '{"status":"open"}' }).execute()).rejects.toThrow(/append-only/);
    await expect(db().db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (target.name === 'postgres') await expect(sql`truncate audit_log`.execute(db().db)).rejects.toThrow(/append-only/);
  });

  it('finds an entry changed behind the database\'s back', async () => {
    for (let i = 0; i < 3; i++) await record(accountChain(1), i, { status: `step ${i}` });
    // What someone with the database file could do: drop the guard, edit, put the guard back.
    if (target.name === 'postgres') {
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db().db);
      await sql`update audit_log set after = '{"status":"refunded"}' where seq = 2`.execute(db().db);
    } else {
      await sql`drop trigger audit_log_no_update`.execute(db().db);
      await sql`update audit_log set after = '{"status":"refunded"}' where seq = 2`.execute(db().db);
    }
    expect(await verifyAuditLog(db())).toEqual([
      { chain: 'account:1', entries: 3, broken: { seq: 2, reason: 'Entry 2 does not match its own fields (it was changed).' } },
    ]);
  });
});
