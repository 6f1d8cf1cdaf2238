import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteRowReader } from './dialect.js';
import { createSqliteWorkerReader } from './sqlite-read-worker.js';

describe('createSqliteWorkerReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-reader-'));
  const path = join(dir, 'read.sqlite');
  let raw: BetterSqlite3.Database;
  const rows: [number, string | null, number | null][] = [
    [1, 'plain', 0], [2, 'quote " and \\ backslash, tab\tand newline\n', -2_500], [3, '中文 · émoji 📦', 9_007_199_254_740_991], [4, null, null],
  ];

  beforeAll(() => {
    raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    raw.exec('create table t (id integer primary key, label text, amount integer)');
    const insert = raw.prepare('insert into t values (?, ?, ?)');
    for (const row of rows) insert.run(...row);
  });
  afterAll(() => {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const byId = (list: unknown[][]) => [...list].sort((a, b) => (a[0] as number) - (b[0] as number));
  const query = (text: string, ...parameters: unknown[]) => CompiledQuery.raw(text, parameters);

  it('reads what the same query reads on this thread: integers, text and null unchanged', async () => {
    const reader = createSqliteWorkerReader(path);
    try {
      const read = await reader.arrays(query('select id, label, amount from t where id >= ?', 1));
      expect(byId(read)).toEqual(rows);
      expect(byId(read)).toEqual(byId(await createSqliteRowReader(raw).arrays(query('select id, label, amount from t where id >= ?', 1))));
      expect(await reader.arrays(query('select id from t where id > ?', 99))).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('answers queries asked at once, each with its own rows', async () => {
    const reader = createSqliteWorkerReader(path);
    try {
      const answers = await Promise.all([1, 2, 3, 4].map((id) => reader.arrays(query('select id, label from t where id = ?', id))));
      expect(answers.map((a) => a[0]![0])).toEqual([1, 2, 3, 4]);
    } finally {
      await reader.close();
    }
  });

  it('fails the one query SQLite refuses, with its message, and goes on with the next', async () => {
    const reader = createSqliteWorkerReader(path);
    try {
      await expect(reader.arrays(query('select nope from t'))).rejects.toThrow(/no such column: nope/);
      await expect(reader.arrays(query('select t.id, t.id from t'))).rejects.toThrow(/distinct names/);
      expect(await reader.arrays(query('select count(*) as n from t'))).toEqual([[4]]);
    } finally {
      await reader.close();
    }
  });

  it('sees what was committed, not what an open transaction on another connection wrote', async () => {
    const reader = createSqliteWorkerReader(path);
    raw.exec('begin immediate');
    try {
      raw.prepare('insert into t values (5, ?, 1)').run('uncommitted');
      expect(await reader.arrays(query('select count(*) as n from t'))).toEqual([[4]]);
    } finally {
      raw.exec('rollback');
      await reader.close();
    }
  });

  it('fails its reads, now and later, with why when the file cannot be opened', async () => {
    const missing = join(dir, 'missing.sqlite');
    const reader = createSqliteWorkerReader(missing);
    try {
      const why = `Cannot open ${missing} to read: unable to open database file`;
      await expect(reader.arrays(query('select 1 as one'))).rejects.toThrow(why);
      // Asked after the thread has stopped: fails at once instead of waiting for an answer that never comes.
      await expect(reader.arrays(query('select 1 as one'))).rejects.toThrow(why);
    } finally {
      await reader.close();
    }
  });

  it('refuses reads once closed', async () => {
    const reader = createSqliteWorkerReader(path);
    expect(await reader.arrays(query('select count(*) as n from t'))).toEqual([[4]]);
    await reader.close();
    await expect(reader.arrays(query('select count(*) as n from t'))).rejects.toThrow(/closed/);
  });
});
