import type { Database } from './open-database.js';

// Reads that every API request makes, whose rows change rarely (an API token's grant; whether the work
// queue's index is up to date), kept until anything at all is committed to the database
// (`Database.changeStamp`), by this process or another. So a revoked token, a removed user or a
// changed case is seen by the very next request, as without the cache. On SQLite these two reads were
// a quarter of a work-queue request's time (`npm run bench:api`); PostgreSQL has no cheap stamp, so
// there every call reads afresh.

export interface KeptUntilChange<K, V> {
  /** The value kept for `key` since the last commit, or what `load` reads now (then kept). */
  read(database: Database, key: K, load: () => Promise<V>): Promise<V>;
}

/** A cache of at most `maxEntries` values per database (all dropped when full, or at the next commit). */
export function keptUntilChange<K, V>(maxEntries: number): KeptUntilChange<K, V> {
  const kept = new WeakMap<Database, { stamp: string; values: Map<K, V> }>();
  return {
    async read(database, key, load) {
      // Read before the rows are: a commit in between changes the stamp, so the values kept under
      // this one are never older than the stamp says.
      const stamp = database.changeStamp();
      if (stamp === undefined) return load();
      let current = kept.get(database);
      if (current?.stamp !== stamp) kept.set(database, current = { stamp, values: new Map() });
      if (current.values.has(key)) return current.values.get(key)!;
      const value = await load();
      if (current.values.size >= maxEntries) current.values.clear();
      current.values.set(key, value);
      return value;
    },
  };
}
