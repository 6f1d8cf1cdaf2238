import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createToken } from '../src/services/api-tokens.js';
import { openDatabase } from '../src/services/open-database.js';
import { addUser } from '../src/services/users.js';
import { formatCount as fmt } from './results-file.js';
import { buildSellerDatabase } from './seller-data.js';

// The database bench:api loads: the large seller's data (bench/seller-data.ts: FBA and MFN returns with
// their report rows and order prices), enough returns for about 1,000,000 cases (a refunded FBA unit
// that never came back has no case), with the seller-fulfilled parcels still in transit turned into
// open requests, so the work queue holds tens of thousands of cases to decide.

export interface ApiBenchData {
  readonly cases: number;
  readonly maxCaseId: number;
  readonly openRequests: number;
  readonly queued: number;
  /** Open requests the mixed run records outcomes on: few, so writers collide and some get 409. */
  readonly writePool: readonly number[];
}

/** The generator's returns per case: about 5.6% of them are refunded FBA units that never came back (no case). */
const returnsPerCase = 1.06;

/** Builds (or, with `reuse`, keeps) the database at `path`. */
export async function ensureApiDatabase(path: string, cases: number, reuse: boolean): Promise<void> {
  if (reuse && existsSync(path)) {
    console.log(`Reusing ${path}`);
    return;
  }
  const returnCount = Math.round(cases * returnsPerCase);
  // Two order lines per return: the API reads no order line, and a bigger file only takes longer to write.
  const lineCount = Math.max(returnCount * 2, 1000);
  console.log(`Writing ${fmt(lineCount)} order lines and ${fmt(returnCount)} returns to ${path} (not timed) ...`);
  await buildSellerDatabase(path, { returnCount, lineCount });
  const raw = new BetterSqlite3(path);
  // Requests made over the last three days (some still inside their clocks), the rest long overdue.
  raw.exec(`update return_cases set status = 'requested', received_at = null, refunded_at = null,
      requested_at = case when id % 3 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', 'now', printf('-%d minutes', (id * 37) % 4320)) else requested_at end
    where channel = 'MFN' and status = 'in_transit'`);
  raw.exec('analyze');
  raw.close();
}

/** What the runs need to know about the data (read, not written). */
export function describeApiData(path: string): ApiBenchData {
  const raw = new BetterSqlite3(path, { readonly: true });
  const one = (query: string) => Object.values(raw.prepare(query).get() as Record<string, number>)[0]!;
  const data = {
    cases: one('select count(*) from return_cases'),
    maxCaseId: one('select max(id) from return_cases'),
    openRequests: one(`select count(*) from return_cases where channel = 'MFN' and status = 'requested'`),
    queued: one(`select count(*) from return_cases where channel = 'MFN' and status in ('requested', 'received', 'inspected')`),
    writePool: (raw.prepare(`select id from return_cases where channel = 'MFN' and status = 'requested' order by id limit 200`).all() as { id: number }[]).map((r) => r.id),
  };
  raw.close();
  return data;
}

/** A user `bench` (an agent of account 1) and a fresh API token of theirs. */
export async function benchToken(path: string): Promise<string> {
  const { database } = await openDatabase(path);
  try {
    const at = new Date().toISOString();
    const exists = await database.db.selectFrom('users').select('id').where('username', '=', 'bench').executeTakeFirst();
    if (!exists) await addUser(database, { username: 'bench', password: 'bench passphrase 1', role: 'agent', accountId: 1 }, 'bench', at);
    return (await createToken(database, { username: 'bench', accountId: 1, name: `bench ${at}` }, 'bench', at)).secret;
  } finally {
    await database.close();
  }
}
