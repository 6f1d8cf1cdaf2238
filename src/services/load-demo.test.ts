import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import type { Database } from '../storage/database.js';
import { loadDemo } from './load-demo.js';
import type { FileOutcome } from './import-files.js';
import type { FileImportResult } from './import-reports.js';

describe.each(testDatabases)('the demo on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let outcomes: FileOutcome[];

  beforeAll(async () => {
    ({ database, dispose } = await target.open());
    outcomes = await loadDemo(database, { dir: scratchDir(), seed: 42, endDate: new Date('2026-11-27T12:00:00Z') });
  }, 120_000);
  afterAll(async () => dispose());

  it('imports every demo file through the real importers without a rejected or unmapped row', () => {
    const results = outcomes as FileImportResult[];
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    expect(new Set(results.map((r) => r.reportType))).toEqual(new Set(['product-sheet', 'all-orders', 'fba-returns', 'mfn-returns', 'reimbursements', 'removals', 'settlement']));
    expect(results.reduce((n, r) => n + r.rejected + r.unmapped, 0)).toBe(0);
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBeGreaterThan(5000);
  });

  it('shows the misleading listing as the SKU with the most not-as-described returns', async () => {
    const rows = await sql<{ sku: string; n: number }>`
      select sku, count(*) as n from return_cases where reason_category = 'not_as_described'
      group by sku order by count(*) desc`.execute(database.db);
    expect(rows.rows[0]?.sku).toBe('KT-BOTTLE-750');
    expect(Number(rows.rows[0]?.n)).toBeGreaterThan(2 * Number(rows.rows[1]?.n ?? 0));
  });

  it('gives every return case its marketplace, channel and at least one event', async () => {
    const orphans = await sql<{ n: number }>`
      select count(*) as n from return_cases c where not exists (select 1 from return_case_events e where e.case_id = c.id)`.execute(database.db);
    expect(Number(orphans.rows[0]?.n)).toBe(0);
    const markets = await sql<{ marketplace_code: string }>`select distinct marketplace_code from return_cases order by 1`.execute(database.db);
    expect(markets.rows.map((r) => r.marketplace_code)).toEqual(['DE', 'JP', 'UK', 'US']);
  });
});
