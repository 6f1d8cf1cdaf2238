import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';

const now = () => '2026-11-27T12:00:00.000Z';

describe.each(testDatabases)('importing product sheets on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const sheet = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return importReportFile(db(), path, { now });
  };
  const product = async (sku: string) => db().db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirstOrThrow();

  it('keeps the fields a later sheet does not have, and records what changed', async () => {
    await sheet('full.csv', 'sku,title,unit_cost,weight_g\nMUG-1,Mug,4.20,350\n');
    const result = await sheet('titles.csv', 'sku,title\nMUG-1,Big mug\n');
    expect(result).toMatchObject({ reportType: 'product-sheet', inserted: 0, updated: 1, unchanged: 0 });
    expect(await product('MUG-1')).toMatchObject({ title: 'Big mug', unit_cost_minor: 420, weight_grams: 350, currency: 'USD' });
    const changes = await db().db.selectFrom('record_changes').selectAll().execute();
    expect(changes.map((c) => [JSON.parse(c.before), JSON.parse(c.after)])).toEqual([[{ title: 'Mug' }, { title: 'Big mug' }]]);
  });

  it('shows an upload under the name it was sent with, and audits the import with who made it', async () => {
    const path = join(dir, 'upload-1');
    writeFileSync(path, 'sku,title\nMUG-1,Mug\n');
    const result = await importReportFile(db(), path, { now, fileName: 'products.csv', actor: 'token:4' });
    const run = await db().db.selectFrom('import_runs').select('file_name').where('id', '=', result.importRunId).executeTakeFirstOrThrow();
    expect(run.file_name).toBe('products.csv');
    const audit = await db().db.selectFrom('audit_log').select(['actor', 'action', 'subject', 'after']).execute();
    expect(audit).toEqual([{ actor: 'token:4', action: 'import.file', subject: `import_run:${result.importRunId}`, after: expect.stringContaining('"fileName":"products.csv"') }]);
  });

  it('clears a field whose column is present but whose cell is blank', async () => {
    await sheet('full.csv', 'sku,title,unit_cost\nMUG-1,Mug,4.20\n');
    await sheet('blank.csv', 'sku,unit_cost\nMUG-1,\n');
    expect(await product('MUG-1')).toMatchObject({ title: 'Mug', unit_cost_minor: null });
  });

  it('changes nothing when the same sheet is imported twice', async () => {
    const text = 'sku,title,unit_cost,accessories\nMUG-1,Mug,4.20,lid;box\nMUG-2,Cup,1.10,\n';
    await sheet('a.csv', text);
    expect(await sheet('b.csv', text)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(JSON.parse((await product('MUG-1')).accessories)).toEqual(['lid', 'box']);
  });
});
