import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { importedAt } from '../../test/decision-fixtures.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { fixtures } from '../../test/evidence-fixtures.js';
import { headers, rowOf, writeReport } from '../../test/report-files.js';
import { importReportFile } from '../services/import-reports.js';
import { openDatabase } from '../services/open-database.js';
import type { StoredClaim } from '../services/claims.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// A US seller-fulfilled order Amazon refunded at the first scan; the parcel came back empty. A SAFE-T
// claim, found by `claims reconcile`, shown, packed and recorded.

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
const rma = 'RMA-113-0000001-0000001';

async function emptyParcelClaim(): Promise<number> {
  const row = rowOf(headers.mfnReturns, {
    'Order ID': '113-0000001-0000001', 'Return request date': '2026-03-02T10:00:00+00:00', 'Return request status': 'Completed', 'Amazon RMA ID': rma,
    'Currency code': 'USD', 'Merchant SKU': 'CAM-1', 'Item Name': 'Action camera', 'Return quantity': '1', 'Return Reason': 'CR-UNWANTED_ITEM',
    'In policy': 'Y', Resolution: 'RefundAtFirstScan', 'Order Amount': '89.00', 'Order quantity': '1', 'Refunded Amount': '89.00',
    'Return delivery date': '2026-03-09T15:00:00+00:00',
  }, ' ');
  const { database } = await openDatabase(cli.location);
  try {
    await importReportFile(database, writeReport(cli.dir, 'mfn.txt', headers.mfnReturns, [row]), { marketplace: 'US', now: importedAt });
  } finally {
    await database.close();
  }
  const photo = join(cli.dir, 'empty-box.jpg');
  writeFileSync(photo, fixtures.jpeg('empty box'));
  const evidence = ['--evidence-dir', join(cli.dir, 'evidence')];
  await run('receive', rma, '--by', 'Li Wei', '--box', 'opened_resealed', '--at', '2026-03-09T16:00:00Z');
  await run('inspect', rma, '--by', 'Zhang Min', ...evidence, '--unit-present', 'no', '--outer-box', 'opened_resealed', '--evidence', photo);
  cli.log.mockClear();
  expect(await run('claims', 'reconcile', '--at', '2026-03-20T00:00:00Z', '--json')).toBe(ExitCode.ok);
  cli.log.mockClear();
  expect(await run('claims', 'list', '--json')).toBe(ExitCode.ok);
  const { claims } = JSON.parse(String(cli.log.mock.calls[0]![0])) as { claims: StoredClaim[] };
  cli.log.mockClear();
  expect(claims).toHaveLength(1);
  return claims[0]!.id;
}

function zipEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => zip.openReadStream(entry, (streamError, stream) => {
        if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => { entries.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
      }));
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe('returndesk claims', () => {
  it('finds the SAFE-T claim of an empty parcel Amazon refunded, and shows the claim text', async () => {
    const id = await emptyParcelClaim();
    expect(await run('claims', 'show', String(id))).toBe(ExitCode.ok);
    expect(printed()).toMatch(new RegExp(`^${id}\\topen\\tsafet\\tUS\\t113-0000001-0000001\\tCAM-1\\t1\\t\\$89\\.00`));
    expect(printed()).toContain(rma);
    expect(printed()).toMatch(/Subject: /);
  });

  it('writes a packet that holds what its manifest lists, the photo included', async () => {
    const id = await emptyParcelClaim();
    const out = join(cli.dir, 'claim.zip');
    expect(await run('claims', 'packet', String(id), '--out', out, '--evidence-dir', join(cli.dir, 'evidence'))).toBe(ExitCode.ok);
    const entries = await zipEntries(out);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['claim.txt', 'summary.html', 'report-lines.tsv']));
    expect(manifest.files.some((f) => f.path.startsWith('evidence/'))).toBe(true);
    for (const file of manifest.files) expect(entries.has(file.path)).toBe(true);
    expect(entries.get('report-lines.tsv')!.toString('utf8')).toContain('mfn.txt');
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  it('records filed, then won, and refuses a second filing', async () => {
    const id = await emptyParcelClaim();
    expect(await run('claims', 'record', String(id), '--filed', '--by', 'Li Wei')).toBe(ExitCode.ok);
    expect(await run('claims', 'record', String(id), '--won', '89.00')).toBe(ExitCode.ok);
    expect(printed()).toMatch(new RegExp(`Claim ${id}: won, recovered \\$89\\.00 of \\$89\\.00`));
    expect(await run('claims', 'record', String(id), '--filed')).toBe(ExitCode.failure);
    expect(errors()).toMatch(/The claim is won/);
  });

  it.each([
    [['claims', 'record', '1', '--filed', '--lost'], /exactly one of --filed, --won AMOUNT or --lost/],
    [['claims', 'show', 'abc'], /"abc" is not a claim id/],
    [['claims', 'show', '999'], /There is no claim 999/],
    [['claims', 'list', '--status', 'pending'], /"pending" is not a claim status/],
  ])('exits 2 on %j', async (args, message) => {
    expect(await run(...args)).toBe(ExitCode.badInput);
    expect(errors()).toMatch(message);
  });
});
