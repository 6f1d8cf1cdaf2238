import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases } from '../../test/databases.js';
import type { Transaction } from './database.js';
import { createDatabase, migrateDatabase, whileSchemasSettle } from './database.js';

describe.each(testDatabases)('database on $name', (target) => {
  it('migrates a fresh database and creates the default seller account', async () => {
    const { database, dispose } = await target.open();
    try {
      const accounts = await database.db.selectFrom('seller_accounts').selectAll().execute();
      expect(accounts.map((a) => a.name)).toEqual(['Default account']);
    } finally {
      await dispose();
    }
  });

  it('rolls a failed transaction back completely', async () => {
    const { database, dispose } = await target.open();
    try {
      await expect(database.transaction(async (tx) => {
        await tx.db.insertInto('seller_accounts').values({ name: 'Second', created_at: '2026-01-01T00:00:00.000Z' }).execute();
        throw new Error('crash halfway');
      })).rejects.toThrow('crash halfway');
      const count = await sql<{ n: number }>`select count(*) as n from seller_accounts`.execute(database.db);
      expect(Number(count.rows[0]?.n)).toBe(1);
    } finally {
      await dispose();
    }
  });

  it('reads committed rows as arrays, and closes its reads when the transaction ends', async () => {
    const { database, dispose } = await target.open();
    try {
      let reads: Transaction['read'] | undefined;
      const rows = await database.transaction(async (tx) => {
        reads = tx.read;
        return tx.read.arrays(sql`select id, name from seller_accounts where id = ${1}`.compile(tx.db));
      });
      expect(rows).toEqual([[1, 'Default account']]);
      // A read asked for ahead must never reach the connection once it is back in the pool.
      await expect(reads!.arrays(sql`select 1 as one`.compile(database.db))).rejects.toThrow(/closed|ended/);
    } finally {
      await dispose();
    }
  });

  it('reserves distinct ids and bulk-inserts rows that round-trip exactly', async () => {
    const { database, dispose } = await target.open();
    try {
      await database.transaction(async (tx) => {
        const ids = await tx.bulk.reserveIds('seller_accounts', 3);
        expect(new Set(ids).size).toBe(3);
        await tx.bulk.insert('seller_accounts', ['id', 'name', 'created_at'], ids.map((id, i) => [id, `tab\there \\ new\nline ${i}`, 'now']));
      });
      const names = await database.db.selectFrom('seller_accounts').select('name').orderBy('id').execute();
      expect(names.map((n) => n.name)).toEqual(['Default account', 'tab\there \\ new\nline 0', 'tab\there \\ new\nline 1', 'tab\there \\ new\nline 2']);
    } finally {
      await dispose();
    }
  });
});

describe('whileSchemasSettle', () => {
  it('runs the work again while PostgreSQL says a schema or relation went missing, then gives up with the error', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('schema "test_x" does not exist'), { code: calls === 1 ? '3F000' : '42P01' });
      return 'migrated';
    };
    expect(await whileSchemasSettle(flaky)).toBe('migrated');
    expect(calls).toBe(3);
    calls = 0;
    const gone = async () => {
      calls++;
      throw Object.assign(new Error('gone'), { code: '3F000' });
    };
    await expect(whileSchemasSettle(gone)).rejects.toThrow('gone');
    expect(calls).toBe(5);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const broken = async () => {
      calls++;
      throw Object.assign(new Error('syntax'), { code: '42601' });
    };
    await expect(whileSchemasSettle(broken)).rejects.toThrow('syntax');
    expect(calls).toBe(1);
  });
});

describe.each(testDatabases)('the change stamp on $name', (target) => {
  const insertAccount = (database: { db: Transaction['db'] } | Transaction, name: string) =>
    database.db.insertInto('seller_accounts').values({ name, created_at: '2026-01-01T00:00:00.000Z' }).execute();

  it('moves on with every commit, by this process or another, and never with a read or a rollback', async () => {
    const { database, location, dispose } = await target.open();
    const other = createDatabase(location);
    try {
      const first = database.changeStamp();
      if (target.name === 'postgres') {
        // No cheap stamp: whatever is kept under one is read afresh instead.
        expect(first).toBeUndefined();
        return;
      }
      await database.db.selectFrom('seller_accounts').selectAll().execute();
      expect(database.changeStamp()).toBe(first);
      await expect(database.transaction(async (tx) => {
        await insertAccount(tx, 'Rolled back');
        throw new Error('no');
      })).rejects.toThrow('no');
      expect(database.changeStamp()).toBe(first);
      await database.transaction((tx) => insertAccount(tx, 'Mine'));
      const afterMine = database.changeStamp();
      expect(afterMine).not.toBe(first);
      await other.transaction((tx) => insertAccount(tx, 'Theirs'));
      expect(database.changeStamp()).not.toBe(afterMine);
    } finally {
      await other.close();
      await dispose();
    }
  });

  it('counts the commits of an in-memory database, whose only connection does not see its own', async () => {
    if (target.name === 'postgres') return;
    const database = createDatabase(':memory:');
    try {
      await migrateDatabase(database);
      const before = database.changeStamp();
      await database.transaction((tx) => insertAccount(tx, 'Mine'));
      expect(database.changeStamp()).not.toBe(before);
    } finally {
      await database.close();
    }
  });
});
