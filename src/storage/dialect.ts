import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { CompiledQuery, RawBuilder } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Every place where SQLite and PostgreSQL differ lives here, named for the capability.

export type DialectName = 'sqlite' | 'postgres';
export type CellValue = string | number | null;

/** Bulk writes inside one transaction: the import's hot path. */
export interface BulkWriter {
  /** Inserts rows (values in `columns` order) as fast as the driver allows. */
  insert(table: string, columns: readonly string[], rows: readonly CellValue[][]): Promise<void>;
  /** Hands out `count` fresh ids for `table`, so rows can reference each other before insertion. */
  reserveIds(table: string, count: number): Promise<number[]>;
}

/**
 * Long reads inside one transaction, as arrays of cells in the query's select-list order, the rows in
 * no particular order (sort them): better-sqlite3 builds plain objects far slower (260,193 settlement
 * refund rows read in 0.94 s as arrays, 1.48 s as objects; npm run bench:reconcile's data at 10%).
 * Integers, text and nulls only. Only for tables the transaction does not write: on a SQLite file the
 * reads run on a thread and connection of their own (sqlite-read-worker.ts), which see what was
 * committed before the transaction, not its own writes. Queries run in the order given, so a caller
 * can ask for the next page before it works on the last.
 */
export interface RowReader {
  arrays(query: CompiledQuery): Promise<CellValue[][]>;
}

/** `column IN (keys)` for a list of any length, as one bound parameter. */
export function isAnyOf(dialect: DialectName, column: string, keys: readonly string[]): RawBuilder<boolean> {
  return dialect === 'sqlite'
    ? sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(keys)}))`
    : sql<boolean>`${sql.ref(column)} = any(${keys as string[]}::text[])`;
}

/**
 * The end of a `select` that locks the rows it reads until the transaction ends: `for update` on
 * PostgreSQL (`skip locked`: pass over rows another transaction holds); nothing on SQLite, whose
 * writing transaction already holds the whole database.
 */
export function rowLock(dialect: DialectName, skipLocked: boolean): RawBuilder<unknown> {
  return sql.raw(dialect === 'postgres' ? (skipLocked ? ' for update skip locked' : ' for update') : '');
}

/**
 * SQLite: one prepared statement per table, run row by row inside the caller's transaction.
 * Much faster than multi-row VALUES through Kysely, and than one JSON parameter per batch expanded
 * with json_each (measured 16 µs a row for a return case).
 */
export function createSqliteBulkWriter(raw: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const nextIds = new Map<string, number>();
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = raw.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(key, statement);
      }
      // Spread arguments: better-sqlite3 binds them twice as fast as one array (2.0 vs 4.1 µs a row here).
      for (const row of rows) statement.run(...row);
    },
    async reserveIds(table, count) {
      // The transaction holds SQLite's write lock (BEGIN IMMEDIATE), so max(id) cannot move under us.
      let next = nextIds.get(table);
      if (next === undefined) {
        const found = raw.prepare(`select coalesce(max(id), 0) as m from ${table}`).get() as { m: number };
        next = found.m + 1;
      }
      nextIds.set(table, next + count);
      return Array.from({ length: count }, (_, i) => next + i);
    },
  };
}

/** SQLite: one prepared statement per query text, in raw (array) mode. */
export function createSqliteRowReader(raw: BetterSqlite3.Database): RowReader {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    async arrays(query) {
      let statement = statements.get(query.sql);
      if (!statement) {
        statement = raw.prepare(query.sql).raw(true);
        statements.set(query.sql, statement);
      }
      return statement.all(...query.parameters) as CellValue[][];
    },
  };
}

/**
 * PostgreSQL: the transaction's own connection, rows as arrays. Closed when the transaction ends, so a
 * read asked for ahead can never run on the connection once it is back in the pool.
 */
export function createPostgresRowReader(client: pg.PoolClient): RowReader & { close(): void } {
  let closed = false;
  return {
    async arrays(query) {
      if (closed) throw new Error('The transaction has ended: its reads are closed');
      const result = await client.query<CellValue[]>({ text: query.sql, values: [...query.parameters], rowMode: 'array' });
      return result.rows;
    },
    close() {
      closed = true;
    },
  };
}

/** PostgreSQL: COPY FROM STDIN in text format on the transaction's own connection. */
export function createPostgresBulkWriter(client: pg.PoolClient): BulkWriter {
  const sequences = new Map<string, string>();
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      await pipeline(Readable.from(encodeCopyChunks(rows)), stream);
    },
    async reserveIds(table, count) {
      if (count === 0) return [];
      // The sequence name is looked up once: inside generate_series it was evaluated per id (3x slower).
      let sequence = sequences.get(table);
      if (!sequence) {
        const found = await client.query<{ name: string }>(`select pg_get_serial_sequence($1, 'id') as name`, [table]);
        sequence = found.rows[0]!.name;
        sequences.set(table, sequence);
      }
      const result = await client.query<{ id: number }>(
        `select nextval($1::regclass)::integer as id from generate_series(1, $2::integer)`,
        [sequence, count],
      );
      return result.rows.map((r) => r.id);
    },
  };
}

function* encodeCopyChunks(rows: readonly CellValue[][]): Generator<string> {
  const chunkRows = 2000;
  for (let start = 0; start < rows.length; start += chunkRows) {
    let chunk = '';
    for (const row of rows.slice(start, start + chunkRows)) chunk += row.map(encodeCopyValue).join('\t') + '\n';
    yield chunk;
  }
}

function encodeCopyValue(value: CellValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Kysely over one PostgreSQL connection: lets a transaction's queries and its COPY share it. */
export function singleClientPool(client: pg.PoolClient): { connect(): Promise<pg.PoolClient>; end(): Promise<void> } {
  // Kysely releases its connection after every query; this one must stay with the transaction.
  const shared = { query: client.query.bind(client), release: () => undefined } as unknown as pg.PoolClient;
  return { connect: async () => shared, end: async () => undefined };
}
