import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import type { Database } from '../storage/database.js';
import { importReportFile } from './import-reports.js';

const fixedNow = () => '2026-11-27T12:00:00.000Z';

/** Plain-ASCII FBA rows filling more than the 1 MiB chunk the encoding is detected from. */
function asciiRows(): string[][] {
  return Array.from({ length: 7000 }, (_, i) => {
    const n = String(i).padStart(7, '0');
    return fbaRow({ 'order-id': `112-${n}-0000001`, 'license-plate-number': `LPN${n}`, 'customer-comments': 'Fits smaller than expected, sending it back.' });
  });
}

/** The ASCII rows, then two rows whose comment needs `encoding`. */
function writeLateNonAscii(dir: string, name: string, comment: string, encoding: 'windows-1252' | 'shift_jis'): string {
  const rows = asciiRows();
  expect(rows.reduce((bytes, row) => bytes + row.join('\t').length + 1, 0)).toBeGreaterThan(1.1 * (1 << 20));
  const late = ['LATE1', 'LATE2'].map((lpn, i) => fbaRow({ 'order-id': `112-999999${i}-0000001`, 'license-plate-number': lpn, 'customer-comments': comment }));
  return writeReport(dir, name, headers.fbaReturns, [...rows, ...late], { encoding });
}

async function commentOf(database: Database, licensePlate: string): Promise<string | null> {
  const row = await database.db.withTables<{ fba_returns: { license_plate_number: string; customer_comments: string | null } }>()
    .selectFrom('fba_returns').select('customer_comments').where('license_plate_number', '=', licensePlate).executeTakeFirstOrThrow();
  return row.customer_comments;
}

describe.each(testDatabases)('a file whose first MiB is ASCII and whose later rows are not UTF-8, on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it.each([
    ['windows-1252', 'Größe passt nicht'],
    ['shift_jis', 'サイズが小さすぎました'],
  ] as const)('imports a %s file in that encoding, once', async (encoding, comment) => {
    const path = writeLateNonAscii(dir, `late-${encoding}.txt`, comment, encoding);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'fba-returns', encoding, rows: 7002, inserted: 7002, rejected: 0 });
    expect(await commentOf(db(), 'LATE1')).toBe(comment);
    expect(await commentOf(db(), 'LATE2')).toBe(comment);
    const runs = await db().db.selectFrom('import_runs').select(['id', 'encoding', 'inserted']).execute();
    expect(runs).toEqual([{ id: result.importRunId, encoding, inserted: 7002 }]);
  });

  it('refuses the windows-1252 file with the bad byte\'s offset when UTF-8 is forced, and writes nothing', async () => {
    const path = writeLateNonAscii(dir, 'forced-utf8.txt', 'Größe passt nicht', 'windows-1252');
    const offset = readFileSync(path).indexOf(0xf6); // the ö of Größe
    await expect(importReportFile(db(), path, { now: fixedNow, encoding: 'utf-8' })).rejects.toMatchObject({
      name: 'DomainError', code: 'unreadable_file', details: { offset },
      message: expect.stringContaining(`not valid UTF-8 (first bad byte near byte offset ${offset})`),
    });
    expect(await db().db.selectFrom('import_runs').selectAll().execute()).toEqual([]);
  });
});
