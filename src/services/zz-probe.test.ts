import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';

describe.each(testDatabases)('probe $name', (target) => {
  const dir = scratchDir();
  it('multibyte at boundary', async () => {
    const { database, dispose } = await target.open();
    const head = Buffer.from(headers.fbaReturns + '\n');
    const rows: Buffer[] = [head];
    let size = head.length; let i = 0;
    while (size < (1 << 20) - 400) { const b = Buffer.from(fbaRow({ 'order-id': `112-${String(i).padStart(7,'0')}-1`, 'license-plate-number': `L${i}` }).join('\t') + '\n'); rows.push(b); size += b.length; i++; }
    // pad so that ö straddles the 1 MiB boundary
    const before = Buffer.from(fbaRow({ 'order-id': '112-BOUNDARY-1', 'license-plate-number': 'LB', 'customer-comments': '' }).join('\t'));
    const fill = (1 << 20) - size - before.length - 1;
    const comment = 'a'.repeat(fill) + 'ö' + 'b';
    rows.push(Buffer.from(fbaRow({ 'order-id': '112-BOUNDARY-1', 'license-plate-number': 'LB', 'customer-comments': comment }).join('\t') + '\n'));
    const all = Buffer.concat(rows);
    console.log('byte at boundary', all[(1<<20)-1].toString(16), all[1<<20].toString(16));
    const path = join(dir, 'b.txt'); writeFileSync(path, all);
    const r = await importReportFile(database, path, {});
    console.log(r.rows, r.inserted, r.rejected, r.errors.slice(0,2));
    const row = await database.db.withTables<{ fba_returns: { order_id: string; customer_comments: string } }>().selectFrom('fba_returns').select(['customer_comments']).where('order_id', '=', '112-BOUNDARY-1').executeTakeFirst();
    expect(row?.customer_comments).toBe(comment);
    await dispose();
  });
  it('backslashes', async () => {
    const { database, dispose } = await target.open();
    const path = writeReport(dir, 'bs.txt', headers.fbaReturns, [fbaRow({ 'customer-comments': 'C:\\new \\N "quoted" it\'s\rmid-cr', 'product-name': '\\N' })]);
    const r = await importReportFile(database, path, {});
    console.log(r);
    const rows = await database.db.withTables<{ fba_returns: { order_id: string; customer_comments: string; product_name: string } }>().selectFrom('fba_returns').select(['customer_comments', 'product_name']).execute();
    console.log(JSON.stringify(rows));
    await dispose();
  });
});
