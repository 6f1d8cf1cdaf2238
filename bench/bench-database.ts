import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../src/services/open-database.js';

/**
 * A new SQLite file at `path` with the application's own schema (its migrations), opened raw for a
 * benchmark's generator to write rows with plain prepared statements, as fast as SQLite allows:
 * no fsync, a 256 MiB cache. Shared by bench:decide, bench:reconcile and bench:analytics.
 */
export async function freshBenchDatabase(path: string): Promise<BetterSqlite3.Database> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const { database } = await openDatabase(path);
  await database.close();
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  return raw;
}
