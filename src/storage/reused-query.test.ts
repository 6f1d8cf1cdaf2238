import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { reusedQuery } from './reused-query.js';

const at = '2026-01-01T00:00:00.000Z';

describe.each(testDatabases)('reusedQuery on $name', (target) => {
  it('runs the query compiled once with each call\'s own values, in the order the SQL needs them', async () => {
    const { database, dispose } = await target.open();
    try {
      await database.db.insertInto('seller_accounts').values([{ name: 'Second', created_at: at }, { name: 'Third', created_at: '2026-02-01T00:00:00.000Z' }]).execute();
      // The arguments come in the other order than the SQL uses them, and the query has a constant of its own.
      const accounts = reusedQuery((db, createdBefore: string, minimumId: number) => db.selectFrom('seller_accounts').select(['id', 'name'])
        .where('id', '>=', minimumId).where('name', '!=', 'Nobody').where('created_at', '<', createdBefore).orderBy('id'));
      expect(await accounts(database.db, '2027-01-01T00:00:00.000Z', 2)).toEqual([{ id: 2, name: 'Second' }, { id: 3, name: 'Third' }]);
      expect(await accounts(database.db, '2026-01-15T00:00:00.000Z', 1)).toEqual([{ id: 2, name: 'Second' }]);
      expect(await accounts(database.db, '2027-01-01T00:00:00.000Z', 3)).toEqual([{ id: 3, name: 'Third' }]);
    } finally {
      await dispose();
    }
  });

  it('runs on a transaction\'s connection too, seeing its uncommitted rows', async () => {
    const { database, dispose } = await target.open();
    try {
      const named = reusedQuery((db, name: string) => db.selectFrom('seller_accounts').select('name').where('name', '=', name));
      expect(await named(database.db, 'Inside')).toEqual([]);
      const inside = await database.transaction(async (tx) => {
        await tx.db.insertInto('seller_accounts').values({ name: 'Inside', created_at: at }).execute();
        return named(tx.db, 'Inside');
      });
      expect(inside).toEqual([{ name: 'Inside' }]);
    } finally {
      await dispose();
    }
  });

  it('refuses a query whose shape would change with its arguments', async () => {
    const { database, dispose } = await target.open();
    try {
      const unused = reusedQuery((db, _id: number) => db.selectFrom('seller_accounts').select('id'));
      await expect(unused(database.db, 1)).rejects.toThrow('must use each of its 1 arguments as a value of its SQL (it used 0)');
      const spread = reusedQuery((db, ids: number[]) => db.selectFrom('seller_accounts').select('id').where('id', 'in', ids));
      await expect(spread(database.db, [1, 2])).rejects.toThrow('takes plain values as its arguments, not lists');
    } finally {
      await dispose();
    }
  });
});
