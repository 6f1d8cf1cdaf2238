import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';
import { listReturns } from './list-returns.js';
import { openDatabase } from './open-database.js';

describe.each(testDatabases)('working beside a running import on $name', (target) => {
  it('lets another process open the database and read while an import holds the write lock', async () => {
    const { database, location, dispose } = await target.open();
    await importReportFile(database, writeReport(scratchDir(), 'first.txt', headers.fbaReturns, [fbaRow()]));
    await (await openDatabase(location)).database.close(); // the first start, which fills the marketplaces
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const inside = new Promise<void>((resolve) => { started = resolve; });
    // A long import: a write transaction that stays open until the reader is done.
    const writer = database.transaction(async (tx) => {
      await tx.db.insertInto('seller_accounts').values({ name: 'Busy', created_at: '2026-11-27T00:00:00.000Z' }).execute();
      started();
      await held;
    });
    await inside;
    try {
      const reader = await openDatabase(location);
      try {
        const page = await listReturns(reader.database, { accountId: 1, limit: 10, offset: 0 });
        expect(page.total).toBe(1);
      } finally {
        await reader.database.close();
      }
    } finally {
      release();
      await writer;
      await dispose();
    }
  }, 30_000);
});
