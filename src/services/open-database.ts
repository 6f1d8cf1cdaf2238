import { createDatabase, isPostgresUrl, migrateDatabase } from '../storage/database.js';
import type { Database } from '../storage/database.js';
import { marketplaces } from '../domain/marketplaces.js';

export type { Database };

/** Where a database location points, for messages (never prints a password). */
export function describeDatabase(location: string): string {
  if (!isPostgresUrl(location)) return `SQLite ${location}`;
  const url = new URL(location);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/**
 * Opens the database and brings its schema up to date (also the marketplace table, from the domain's
 * list). Safe to run on every start.
 */
export async function openDatabase(location: string): Promise<{ database: Database; applied: string[] }> {
  const database = createDatabase(location);
  try {
    const applied = await migrateDatabase(database);
    await syncMarketplaces(database);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Writes the marketplaces that are missing or differ, and nothing when they match: opening the database
 * must not need the write lock, or every command would wait for a running import.
 */
async function syncMarketplaces(database: Database): Promise<void> {
  const stored = new Map((await database.db.selectFrom('marketplaces').selectAll().execute()).map((r) => [r.code, r]));
  const rows = marketplaces.map((m) => ({
    code: m.code, amazon_id: m.id, country: m.country, currency: m.currency, language: m.language, locale: m.locale,
    time_zone: m.timeZone, sales_channel: m.salesChannel,
  }));
  const changed = rows.filter((row) => JSON.stringify(stored.get(row.code)) !== JSON.stringify(row));
  if (changed.length === 0) return;
  await database.transaction(async (tx) => {
    for (const { code, ...row } of changed) {
      await tx.db.insertInto('marketplaces').values({ code, ...row }).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute();
    }
  });
}
