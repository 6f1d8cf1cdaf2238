import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { createDatabase, migrateDatabase } from '../src/storage/database.js';
import type { Database } from '../src/storage/database.js';

/**
 * The databases every storage, service and HTTP test runs on: SQLite always, PostgreSQL when
 * RETURNDESK_TEST_POSTGRES_URL is set. Under CI a missing PostgreSQL URL is a failure, not a skip.
 */
export interface TestDatabaseTarget {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database (its own file or schema) and the location to reach it. */
  open(): Promise<{ database: Database; location: string; dispose(): Promise<void> }>;
}

const postgresUrl = process.env.RETURNDESK_TEST_POSTGRES_URL;
if (!postgresUrl && process.env.CI) {
  throw new Error('CI is set but RETURNDESK_TEST_POSTGRES_URL is not: the PostgreSQL suite must run under CI.');
}

export const testDatabases: TestDatabaseTarget[] = [
  { name: 'sqlite', open: openSqlite },
  ...(postgresUrl ? [{ name: 'postgres' as const, open: () => openPostgres(postgresUrl) }] : []),
];

async function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-test-'));
  const location = join(dir, 'test.sqlite');
  const database = createDatabase(location);
  await migrateDatabase(database);
  return {
    database,
    location,
    async dispose() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each PostgreSQL test database is a schema of its own, reached through search_path. */
async function openPostgres(baseUrl: string) {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const location = url.toString();
  const database = createDatabase(location);
  await migrateDatabase(database);
  return {
    database,
    location,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh database of `target` for each test of the enclosing describe block (opened before, disposed
 * after). Call the returned function inside a test to get it.
 */
export function useFreshDatabase(target: TestDatabaseTarget): () => Database {
  let opened: Awaited<ReturnType<TestDatabaseTarget['open']>> | undefined;
  beforeEach(async () => {
    opened = await target.open();
  });
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error('The test database exists only while a test runs.');
    return opened.database;
  };
}
