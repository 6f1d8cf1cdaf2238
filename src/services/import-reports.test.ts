import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { listCaseEvents, listReturnCases } from '../storage/return-case-repository.js';
import { importReportFile } from './import-reports.js';

const fixedNow = () => '2026-11-27T12:00:00.000Z';

describe.each(testDatabases)('importing FBA customer returns on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('creates one case per order line and an event for each', async () => {
    const path = writeReport(dir, 'fba.txt', headers.fbaReturns, [
      fbaRow(),
      fbaRow({ 'order-id': '112-0000002-0000002', reason: 'DEFECTIVE', 'detailed-disposition': 'DEFECTIVE', 'license-plate-number': 'LPN2' }),
      fbaRow({ 'order-id': '112-0000002-0000002', reason: 'DEFECTIVE', 'detailed-disposition': 'CUSTOMER_DAMAGED', 'license-plate-number': 'LPN3' }),
    ]);
    const result = await importReportFile(db(), path, { now: fixedNow });
    expect(result).toMatchObject({ reportType: 'fba-returns', encoding: 'utf-8', rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, unmapped: 0 });
    const { items, total } = await listReturnCases(db().db, { accountId: 1, limit: 10, offset: 0 });
    expect(total).toBe(2);
    const twoUnits = items.find((c) => c.orderId === '112-0000002-0000002')!;
    expect(twoUnits).toMatchObject({ channel: 'FBA', status: 'fba_received', quantity: 2, disposition: 'CUSTOMER_DAMAGED' });
    expect(twoUnits.reason).toMatchObject({ code: 'DEFECTIVE', category: 'defective_quality', fault: 'seller', status: 'mapped' });
    const events = await listCaseEvents(db().db, twoUnits.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'updated']);
    expect(events[0]).toMatchObject({ source: 'import:fba-returns', line: 3 });
  });

  it('inserts nothing when the same file is imported twice', async () => {
    const path = writeReport(dir, 'fba-twice.txt', headers.fbaReturns, [fbaRow(), fbaRow({ 'license-plate-number': 'LPN9' })]);
    await importReportFile(db(), path, { now: fixedNow });
    const second = await importReportFile(db(), path, { now: fixedNow });
    expect(second).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    const { items } = await listReturnCases(db().db, { accountId: 1, limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]!.quantity).toBe(2);
    expect(await listCaseEvents(db().db, items[0]!.id)).toHaveLength(2);
  });

  it('updates a changed row, writes an event and does not double count units', async () => {
    await importReportFile(db(), writeReport(dir, 'v1.txt', headers.fbaReturns, [fbaRow()]), { now: fixedNow });
    const changed = writeReport(dir, 'v2.txt', headers.fbaReturns, [fbaRow({ 'return-date': '2025-06-07T10:00:00+00:00', status: 'Reimbursed', 'detailed-disposition': 'DAMAGED' })]);
    const result = await importReportFile(db(), changed, { now: fixedNow });
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const { items } = await listReturnCases(db().db, { accountId: 1, limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({ quantity: 1, status: 'fba_reimbursed', disposition: 'DAMAGED', receivedAt: '2025-06-07T10:00:00.000Z' });
    const events = await listCaseEvents(db().db, items[0]!.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'updated']);
    expect(events[1]!.data).toMatchObject({ status: { before: 'fba_received', after: 'fba_reimbursed' } });
    const changes = await db().db.selectFrom('record_changes').selectAll().execute();
    expect(changes).toHaveLength(1);
    expect(JSON.parse(changes[0]!.before)).toMatchObject({ status: 'Unit returned to inventory', detailed_disposition: 'SELLABLE' });
  });
});

describe.each(testDatabases)('a natural key repeated within one file on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it.each([
    ['in one batch', 100],
    ['across batches', 1],
  ])('lets the later row win %s', async (_name, batchSize) => {
    const path = writeReport(dir, `repeat-${batchSize}.txt`, headers.fbaReturns, [
      fbaRow({ 'detailed-disposition': 'SELLABLE' }),
      fbaRow({ 'license-plate-number': 'LPN-OTHER' }),
      fbaRow({ 'detailed-disposition': 'DEFECTIVE' }),
    ]);
    const result = await importReportFile(db(), path, { now: fixedNow, batchSize });
    expect(result).toMatchObject({ rows: 3, inserted: 2, updated: 1, unchanged: 0 });
    const { items } = await listReturnCases(db().db, { accountId: 1, limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ quantity: 2, disposition: 'DEFECTIVE' });
    expect((await listCaseEvents(db().db, items[0]!.id)).map((e) => e.kind)).toEqual(['created', 'updated', 'updated']);
  });
});

describe.each(testDatabases)('a file that repeats a key with other values, imported again on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const caseReasons = async () => (await listReturnCases(db().db, { accountId: 1, limit: 10, offset: 0 })).items
    .map((c) => [c.orderId, c.quantity, c.reason.raw]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  // Found by the import property test: a key repeated with another reason, then an unchanged unit of the
  // same order line. The second import applies the repeated key line by line again, so it must apply
  // that later unit again too, or the case keeps the repeated key's reason instead of the last line's.
  const files = {
    'a later unit': [
      fbaRow({ 'order-id': '112-3', 'license-plate-number': 'LPN2', reason: 'DEFECTIVE' }),
      fbaRow({ 'order-id': '112-3', 'license-plate-number': 'LPN2', reason: 'CR-SOMETHING_NEW' }),
      fbaRow({ 'order-id': '112-3', 'license-plate-number': 'LPN1', reason: 'DEFECTIVE' }),
      fbaRow({ 'order-id': '112-1', 'license-plate-number': 'LPN1', reason: 'DEFECTIVE' }),
    ],
    'a later unit without a license plate': [
      fbaRow({ 'order-id': '112-2', 'license-plate-number': 'LPN1', reason: 'DEFECTIVE', 'customer-comments': '' }),
      fbaRow({ 'order-id': '112-2', 'license-plate-number': 'LPN1', reason: 'DEFECTIVE', 'customer-comments': '!' }),
      fbaRow({ 'order-id': '112-2', 'license-plate-number': '', reason: 'CR-SOMETHING_NEW' }),
      fbaRow({ 'order-id': '112-1', 'license-plate-number': 'LPN1', reason: 'DEFECTIVE' }),
    ],
  };
  const expected = {
    'a later unit': [['112-1', 1, 'DEFECTIVE'], ['112-3', 2, 'DEFECTIVE']],
    'a later unit without a license plate': [['112-1', 1, 'DEFECTIVE'], ['112-2', 2, 'CR-SOMETHING_NEW']],
  };

  it.each([
    ['a later unit', 100],
    ['a later unit', 1],
    ['a later unit without a license plate', 100],
    ['a later unit without a license plate', 1],
  ] as const)('leaves each case as its last line says, with %s, in batches of %i', async (name, batchSize) => {
    const path = writeReport(dir, `repeat-then-unit-${batchSize}.txt`, headers.fbaReturns, files[name]);
    expect(await importReportFile(db(), path, { now: fixedNow, batchSize })).toMatchObject({ inserted: 3, updated: 1, unchanged: 0 });
    expect(await caseReasons()).toEqual(expected[name]);
    expect(await importReportFile(db(), path, { now: fixedNow, batchSize })).toMatchObject({ inserted: 0, updated: 2, unchanged: 2 });
    expect(await caseReasons()).toEqual(expected[name]);
  });
});
