import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { migrationProvider } from './migrations/index.js';
import { createPostgresBulkWriter, createPostgresRowReader, createSqliteBulkWriter, createSqliteRowReader, singleClientPool } from './dialect.js';
import type { BulkWriter, DialectName, RowReader } from './dialect.js';
import { createSqliteWorkerReader } from './sqlite-read-worker.js';
import { withStatementCache } from './statement-cache.js';
import { createWriteQueue } from './write-queue.js';
import type { Schema } from './schema.js';

export interface Transaction {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  readonly bulk: BulkWriter;
  readonly read: RowReader;
}

export interface Database {
  readonly dialect: DialectName;
  readonly db: Kysely<Schema>;
  /** Runs `work` in one transaction on a connection of its own; any throw rolls everything back. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * A value that changes whenever anything is committed to the database, by this process or another:
   * what a cache of rows may be kept under. Undefined where that cannot be told without a query of its
   * own (PostgreSQL): such a cache then reads afresh every time.
   */
  changeStamp(): string | undefined;
  close(): Promise<void>;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the database at `location`: a `postgres://` URL or a SQLite file path. */
export function createDatabase(location: string): Database {
  return isPostgresUrl(location) ? createPostgresDatabase(location) : createSqliteDatabase(location);
}

/** Brings the schema up to date; safe to run on every start. */
export async function migrateDatabase(database: Database): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema; pin it to ours (tests use one schema each).
  const migrationTableSchema = database.dialect === 'postgres'
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({ db: database.db, provider: migrationProvider, migrationTableSchema });
  // Only when something is pending: Kysely's migrator takes the write lock even with nothing to do,
  // and a command opening the database must not wait for a running import.
  const pending = (await whileSchemasSettle(() => migrator.getMigrations())).filter((m) => !m.executedAt);
  if (pending.length === 0) return [];
  const { error, results } = await whileSchemasSettle(async () => {
    const result = await migrator.migrateToLatest();
    if (result.error) throw result.error;
    return result;
  });
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Runs `work` again (up to 5 times) when PostgreSQL says a schema or a relation does not exist, or lost
 * one under a catalog lookup: Kysely's migrator lists the tables of every schema of the database to
 * find its own, and a schema another process drops meanwhile (the test suite drops one per test, in
 * parallel) fails that listing in any of these ways. A failed migration rolls back whole, so running
 * it again is safe; a real error still comes out after the fifth try.
 */
/** invalid_schema_name, undefined_table, internal_error (a catalog lookup of a dropped object). */
const droppedMeanwhile = new Set(['3F000', '42P01', 'XX000']);

export async function whileSchemasSettle<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const vanished = droppedMeanwhile.has(String((error as { code?: unknown }).code));
      if (!vanished || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

function openSqlite(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -32768');
  return raw;
}

function createSqliteDatabase(path: string): Database {
  const raw = openSqlite(path);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  const writes = createWriteQueue();
  // SQLite's data_version changes when another connection (this process's writer, another process)
  // commits, for the price of a look at the WAL index (4 µs here); an in-memory database has one
  // connection only, whose own commits it does not count, so this process counts its commits too.
  const dataVersion = raw.prepare('pragma data_version').pluck();
  let commits = 0;
  // One writer connection of its own, so readers on the main connection never see uncommitted rows;
  // transactions take turns on it (the write queue), so it is opened once and kept.
  let writer: { raw: BetterSqlite3.Database; db: Kysely<Schema> } | undefined;
  const writerOf = () => {
    if (path === ':memory:') return { raw, db };
    if (!writer) {
      const own = openSqlite(path);
      writer = { raw: own, db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(own) }) }) };
    }
    return writer;
  };
  return {
    dialect: 'sqlite',
    db,
    transaction: (work) => writes.run(async () => {
      const { raw: own, db: txDb } = writerOf();
      // Long reads go to a thread of their own, except in memory, where no other connection sees the data.
      const reader = path === ':memory:' ? undefined : createSqliteWorkerReader(path);
      own.exec('begin immediate');
      try {
        const result = await work({ db: txDb, dialect: 'sqlite', bulk: createSqliteBulkWriter(own), read: reader ?? createSqliteRowReader(own) });
        own.exec('commit');
        commits += 1;
        return result;
      } catch (error) {
        if (own.inTransaction) own.exec('rollback');
        throw error;
      } finally {
        await reader?.close();
      }
    }),
    changeStamp: () => `${String(dataVersion.get())}:${commits}`,
    close: async () => {
      await writer?.db.destroy();
      await db.destroy();
    },
  };
}

const int8 = 20;
const numeric = 1700;

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`Integer ${text} is beyond the safe range`);
  return value;
}

function createPostgresDatabase(url: string): Database {
  // Money is bigint minor units: read int8 as a JS number (refusing anything beyond 2^53).
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === int8 ? parseSafeInteger : oid === numeric ? Number : pg.types.getTypeParser(oid, format),
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    async transaction(work) {
      const client = await pool.connect();
      const txDb = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: singleClientPool(client) as never }) });
      const reader = createPostgresRowReader(client);
      try {
        await client.query('begin');
        const result = await work({ db: txDb, dialect: 'postgres', bulk: createPostgresBulkWriter(client), read: reader });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        reader.close();
        client.release();
      }
    },
    changeStamp: () => undefined,
    close: () => db.destroy(),
  };
}
