import { sql } from 'kysely';
import type { Database } from '../storage/database.js';

/** True when the database answers a trivial query. */
export async function checkDatabase(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
