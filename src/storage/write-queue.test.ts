import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';
import { createWriteQueue } from './write-queue.js';

describe('SQLite transactions of one process', () => {
  it('take turns instead of freezing the process on the file lock: two begun at once both commit', async () => {
    const database = createDatabase(join(mkdtempSync(join(tmpdir(), 'returndesk-queue-')), 'q.sqlite'));
    try {
      await sql`create table t (n integer)`.execute(database.db);
      const order: string[] = [];
      const write = (name: string) => database.transaction(async (tx) => {
        order.push(`${name} begins`);
        await sql`insert into t values (1)`.execute(tx.db);
        // Yield while holding the write lock, as a request awaiting its next query does.
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${name} ends`);
      });
      // Without the queue, b's BEGIN IMMEDIATE blocks the thread until the busy timeout and fails.
      await Promise.all([write('a'), write('b')]);
      expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(database.db)).rows[0]!.n).toBe(2);
    } finally {
      await database.close();
    }
  });

  it('goes on after a transaction that failed', async () => {
    const queue = createWriteQueue();
    const failed = queue.run(async () => { throw new Error('boom'); });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a transaction begun inside another rather than waiting for itself forever', async () => {
    const queue = createWriteQueue();
    await expect(queue.run(() => queue.run(async () => 'inner'))).rejects.toThrow('begun inside another');
  });
});
