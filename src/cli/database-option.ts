import { Option } from 'commander';
import type { Config } from '../config.js';
import { openDatabase, describeDatabase } from '../services/open-database.js';
import type { Database } from '../services/open-database.js';

/** `--database`, on every command that touches the database; it overrides RETURNDESK_DATABASE. */
export function databaseOption(config: Config): Option {
  return new Option('--database <location>', 'SQLite file path or postgres:// URL').default(config.database, 'RETURNDESK_DATABASE or ./data/returndesk.sqlite');
}

/** Opens (and migrates) the database, runs `work`, and always closes it. */
export async function withDatabase<T>(location: string, work: (database: Database) => Promise<T>): Promise<T> {
  const { database } = await openDatabase(location);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export { describeDatabase };
