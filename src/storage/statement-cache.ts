import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

// Kysely's SQLite driver prepares every statement anew on each query. Preparing costs about as much as
// running the short queries an API request makes (the token lookup, a case and its events): in
// `npm run bench:api`'s profile it was the largest single cost of a request. The same SQL text always
// compiles to the same statement, so a bounded cache of them hands back the one prepared before.

/** The statements kept, enough for every query shape of the app; the oldest goes first when full. */
const maxStatements = 500;

export function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed read) cannot run again until it is done.
      if (cached && !cached.busy) return cached;
      const statement = raw.prepare(sql);
      if (!cached) {
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      raw.close();
    },
  };
}
