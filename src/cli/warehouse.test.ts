import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseIdOf, importProductCsv, importRequests } from '../../test/decision-fixtures.js';
import { fixtures } from '../../test/evidence-fixtures.js';
import type { InspectedReturn } from '../services/inspect-return.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { openDatabase } from '../services/open-database.js';
import type { ReceivedReturn } from '../services/receive-return.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// The warehouse commands run in-process against a SQLite file of their own per test, seeded through
// the real importers.

const cli = useCliSandbox();

const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');

async function seedRequest(orderId = '111-0000001-0000001'): Promise<number> {
  const { database } = await openDatabase(cli.location);
  try {
    await importRequests(database, cli.dir, [{ orderId, requestedAt: '2026-03-02T10:00:00+00:00' }]);
    return await caseIdOf(database, orderId);
  } finally {
    await database.close();
  }
}

/**
 * Imports one product row and an unwanted-item request for it on order 111-0000001-0000001, runs the
 * warehouse `steps` through the CLI, clears their output, and returns the case id read back from the database.
 */
async function seedProductCase(productCsv: string, sku: string, orderAmount: string, steps: () => Promise<unknown>): Promise<number> {
  const orderId = '111-0000001-0000001';
  const { database } = await openDatabase(cli.location);
  try {
    await importProductCsv(database, cli.dir, productCsv);
    await importRequests(database, cli.dir, [{ orderId, sku, reason: 'CR-UNWANTED_ITEM', orderAmount }]);
  } finally {
    await database.close();
  }
  await steps();
  cli.log.mockClear();
  const { database: again } = await openDatabase(cli.location);
  try {
    return await caseIdOf(again, orderId);
  } finally {
    await again.close();
  }
}

describe('returndesk receive', () => {
  it('receives a parcel by its RMA id and prints the refund clock', async () => {
    const caseId = await seedRequest();
    expect(await run('receive', 'RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'intact', '--at', '2026-03-06T15:00:00Z')).toBe(ExitCode.ok);
    expect(printed()).toContain(`Case ${caseId} (found by rma_id) received 2026-03-06T15:00:00.000Z, outer box intact: requested -> received`);
    expect(printed()).toMatch(/Due 2026-03-11T06:59:59.999Z: Refund after the item was received/);
  });

  it('prints one JSON document with --json', async () => {
    const caseId = await seedRequest();
    expect(await run('receive', String(caseId), '--by', 'Li Wei', '--box', 'damaged', '--json')).toBe(ExitCode.ok);
    const result = JSON.parse(String(cli.log.mock.calls[0]![0])) as ReceivedReturn;
    expect(result).toMatchObject({ caseId, matchedOn: 'case_id', outerBox: 'damaged', status: 'received' });
  });

  it.each([
    [['RMA-NOPE', '--by', 'Li Wei', '--box', 'intact'], ExitCode.badInput, /No return case matches "RMA-NOPE"/],
    [['RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'wet'], ExitCode.badInput, /"wet" is not a state of the outer box/],
  ])('refuses %j with a clear message', async (args, code, message) => {
    await seedRequest();
    expect(await run('receive', ...args)).toBe(code);
    expect(errors()).toMatch(message);
  });

  it('exits 2 without --by (commander prints the missing option)', async () => {
    await seedRequest();
    expect(await run('receive', 'RMA-111-0000001-0000001', '--box', 'intact')).toBe(ExitCode.badInput);
  });

  it('exits 1 when the parcel was already received', async () => {
    await seedRequest();
    await run('receive', 'RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'intact');
    expect(await run('receive', 'RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'intact')).toBe(ExitCode.failure);
    expect(errors()).toMatch(/already received/);
  });
});

describe('returndesk inspect', () => {
  const receivedCamera = () => seedProductCase('sku,category,price,accessories\nCAM-1,electronics,89.00,charger;strap\n', 'CAM-1', '89.00',
    () => run('receive', 'RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'intact'));

  const evidenceDir = () => join(cli.dir, 'evidence');
  const checklist = ['--unit-present', 'yes', '--outer-box', 'intact', '--listing', 'yes', '--identity', 'yes', '--packaging', 'opened_intact',
    '--seal', 'broken', '--missing', 'strap', '--use', 'none', '--damage', 'none', '--function', 'pass'];

  it('grades from the flags, keeps the photo and prints the rule in both languages', async () => {
    const caseId = await receivedCamera();
    const photo = join(cli.dir, 'unit.jpg');
    writeFileSync(photo, fixtures.jpeg('unit'));
    expect(await run('inspect', String(caseId), '--by', 'Zhang Min', ...checklist, '--evidence', photo, '--evidence-dir', evidenceDir())).toBe(ExitCode.ok);
    expect(printed()).toContain(`Case ${caseId}: used_acceptable (rule accessories_missing); received -> inspected`);
    expect(printed()).toMatch(/Noted: .*accessoriesMissing:strap/);
    expect(printed()).toMatch(/Evidence unit\.jpg: photo image\/jpeg/);
    expect(readdirSync(evidenceDir()).filter((name) => name !== '.tmp')).toHaveLength(1);
  });

  it('reads the answers from a JSON file, flags on top, and prints JSON', async () => {
    const caseId = await receivedCamera();
    const file = join(cli.dir, 'answers.json');
    writeFileSync(file, JSON.stringify({ unitPresent: true, outerBox: 'intact', matchesListing: true, identityMatches: true, retailPackaging: 'sealed',
      seal: 'intact', accessoriesMissing: [], signsOfUse: 'none', damage: 'none', functionTest: 'not_tested' }));
    expect(await run('inspect', String(caseId), '--by', 'Zhang Min', '--answers', file, '--unit-present', 'no', '--json', '--evidence-dir', evidenceDir())).toBe(ExitCode.ok);
    const result = JSON.parse(String(cli.log.mock.calls[0]![0])) as InspectedReturn;
    expect(result).toMatchObject({ caseId, grade: 'missing', ruleId: 'unit_missing' });
  });

  it.each([
    [['--use', 'worn-out'], /signsOfUse/],
    [['--answers', 'no-such-file.json'], /Cannot read the answers file/],
  ])('exits 2 on bad answers %j', async (extra, message) => {
    const caseId = await receivedCamera();
    expect(await run('inspect', String(caseId), '--by', 'Zhang Min', ...checklist, ...extra, '--evidence-dir', evidenceDir())).toBe(ExitCode.badInput);
    expect(errors()).toMatch(message);
  });
});

describe('returndesk disposition', () => {
  const inspectedMug = () => seedProductCase('sku,category,price,weight_g\nMUG-1,kitchen,25.00,400\n', 'MUG-1', '25.00', async () => {
    await run('receive', 'RMA-111-0000001-0000001', '--by', 'Li Wei', '--box', 'intact');
    await run('inspect', 'RMA-111-0000001-0000001', '--by', 'Zhang Min', '--evidence-dir', join(cli.dir, 'evidence'), '--unit-present', 'yes', '--outer-box', 'intact',
      '--listing', 'yes', '--packaging', 'damaged', '--seal', 'broken', '--use', 'none', '--damage', 'none');
  });

  it('lists every route with its net recovery and marks the best', async () => {
    const caseId = await inspectedMug();
    expect(await run('disposition', String(caseId))).toBe(ExitCode.ok);
    expect(printed()).toContain(`Case ${caseId}, graded used_acceptable: best route sell_as_used`);
    expect(printed()).toMatch(/\* sell_as_used +\$\d+\.\d\d/);
    expect(printed()).toMatch(/x restock_as_new .*\[blocked: restock-new-only\]/);
  });

  it('records the chosen route and its realized value', async () => {
    const caseId = await inspectedMug();
    expect(await run('disposition', String(caseId), '--record', 'sell_as_used', '--by', 'Li Wei', '--realized', '9.80')).toBe(ExitCode.ok);
    expect(printed()).toMatch(new RegExp(`Case ${caseId}: route sell_as_used recorded \\(best was sell_as_used\\); expected \\$\\d+\\.\\d\\d, realized \\$9\\.80`));
  });

  it('exits 1 for a blocked route and 2 for an unknown one', async () => {
    const caseId = await inspectedMug();
    expect(await run('disposition', String(caseId), '--record', 'restock_as_new', '--by', 'Li Wei')).toBe(ExitCode.failure);
    expect(await run('disposition', String(caseId), '--record', 'burn', '--by', 'Li Wei')).toBe(ExitCode.badInput);
    expect(errors()).toMatch(/"burn" is not a route/);
  });
});
