import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { testDatabases } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';
import type { Database } from '../storage/database.js';

const now = () => '2026-11-27T12:00:00.000Z';

// Cells drawn from good values, bad values and noise; few order ids and plates, so keys repeat.
const row = fc.record({
  'order-id': fc.constantFrom('112-1', '112-2', '112-3', ''),
  'license-plate-number': fc.constantFrom('LPN1', 'LPN2', ''),
  quantity: fc.constantFrom('1', '2', '0', 'x', ''),
  'return-date': fc.constantFrom('2025-06-05T15:31:40+00:00', '10-Jul-2025', '31-Feb-2025', 'soon', ''),
  reason: fc.constantFrom('DEFECTIVE', 'CR-SOMETHING_NEW', '', 'APPAREL_TOO_SMALL'),
  'customer-comments': fc.string({ maxLength: 12 }),
});

/** Everything the import stored, in a comparable form. */
async function snapshot(db: Database) {
  const rows = await sql<Record<string, unknown>>`select natural_key, quantity, return_date, reason, customer_comments from fba_returns order by natural_key`.execute(db.db);
  const cases = await sql<Record<string, unknown>>`select natural_key, quantity, status, reason_raw from return_cases order by natural_key`.execute(db.db);
  return { rows: rows.rows.map((r) => ({ ...r, quantity: Number(r.quantity) })), cases: cases.rows.map((c) => ({ ...c, quantity: Number(c.quantity) })) };
}

/** Deletes what imports write, children first. */
async function emptyImportTables(database: Database): Promise<void> {
  for (const table of ['record_changes', 'return_case_events', 'fba_returns', 'return_cases', 'import_runs']) {
    await sql`delete from ${sql.table(table)}`.execute(database.db);
  }
}

/** True when some key appears twice with different cells (a file pasted together from two pulls). */
function hasConflictingRepeats(rows: Array<Record<string, string>>): boolean {
  const seen = new Map<string, string>();
  return rows.some((r) => {
    const key = `${r['order-id']}\t${r['license-plate-number']}`;
    const cells = JSON.stringify(r);
    const before = seen.get(key);
    seen.set(key, cells);
    return before !== undefined && before !== cells;
  });
}

describe.each(testDatabases)('import invariants on $name', (target) => {
  it('counts every row once, stores one row per valid key, and leaves the state as it was on a second import', async () => {
    const dir = scratchDir();
    // One database for the whole property, emptied before each run: a fresh schema per run made the
    // PostgreSQL case slow enough to time out on a busy machine.
    const { database, dispose } = await target.open();
    try {
      await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), async (rows, batchSize) => {
        await emptyImportTables(database);
        const path = writeReport(dir, 'fuzz.txt', headers.fbaReturns, rows.map((r) => fbaRow(r)));
        const first = await importReportFile(database, path, { now, batchSize });
        expect(first.rows).toBe(first.inserted + first.updated + first.unchanged + first.rejected + first.skipped);
        const stored = await sql<{ n: number }>`select count(*) as n from fba_returns`.execute(database.db);
        expect(Number(stored.rows[0]?.n)).toBe(first.inserted);
        const units = await sql<{ n: number }>`select coalesce(sum(quantity), 0) as n from fba_returns`.execute(database.db);
        const caseUnits = await sql<{ n: number }>`select coalesce(sum(quantity), 0) as n from return_cases`.execute(database.db);
        expect(Number(caseUnits.rows[0]?.n)).toBe(Number(units.rows[0]?.n));
        const before = await snapshot(database);
        const second = await importReportFile(database, path, { now, batchSize });
        expect(second).toMatchObject({ inserted: 0, rows: first.rows, rejected: first.rejected });
        expect(await snapshot(database)).toEqual(before);
        // A key repeated with other values is applied line by line again (the later line wins once more).
        if (!hasConflictingRepeats(rows)) expect(second.updated).toBe(0);
      }), { numRuns: target.name === 'sqlite' ? 40 : 15 });
    } finally {
      await dispose();
    }
  }, 180_000);
});
