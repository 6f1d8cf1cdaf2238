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

async function syncMarketplaces(database: Database): Promise<void> {
  await database.transaction(async (tx) => {
    for (const m of marketplaces) {
      const row = { amazon_id: m.id, country: m.country, currency: m.currency, language: m.language, locale: m.locale, time_zone: m.timeZone, sales_channel: m.salesChannel };
      await tx.db.insertInto('marketplaces').values({ code: m.code, ...row })
        .onConflict((oc) => oc.column('code').doUpdateSet(row)).execute();
    }
  });
}
