import { describe, expect, it } from 'vitest';
import { caseIdOf, importFbaReturn, importRequests } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { findReturnCase, listCaseEvents } from '../storage/return-case-repository.js';
import { receiveReturn } from './receive-return.js';

const now = '2026-03-06T16:00:00.000Z';
// Friday 2026-03-06 in the US: the refund is due 2 business days later, Tuesday.
const receivedAt = '2026-03-06T15:00:00Z';

async function auditOf(db: ReturnType<ReturnType<typeof useFreshDatabase>>): Promise<{ actor: string; action: string; subject: string }[]> {
  return db.db.selectFrom('audit_log').select(['actor', 'action', 'subject']).where('action', 'like', 'case.%').orderBy('seq').execute();
}

async function receiptCount(db: ReturnType<ReturnType<typeof useFreshDatabase>>): Promise<number> {
  const row = await db.db.selectFrom('case_receipts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases)('receiveReturn on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('finds a request by its RMA id, moves it to received and starts the refund clock', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000001-0000001' }]);
    const caseId = await caseIdOf(db(), '111-0000001-0000001');
    const received = await receiveReturn(db(), 1, { identifier: 'RMA-111-0000001-0000001', receivedAt, receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    expect(received).toMatchObject({ caseId, matchedOn: 'rma_id', outerBox: 'intact', statusBefore: 'requested', status: 'received', receivedAt: '2026-03-06T15:00:00.000Z' });
    expect(received.deadlines.map((d) => d.ruleId)).toEqual(['refund-after-receipt']);
    // The end of Tuesday on the US marketplace's clock (Pacific time, daylight time from Sunday 8 March).
    expect(received.deadlines[0]!.dueAt).toBe('2026-03-11T06:59:59.999Z');
    const stored = await findReturnCase(db().db, 1, caseId);
    expect(stored).toMatchObject({ status: 'received', receivedAt: '2026-03-06T15:00:00.000Z' });
    const events = await listCaseEvents(db().db, caseId);
    expect(events.at(-1)).toMatchObject({ kind: 'received', source: 'cli', data: { receivedBy: 'Li Wei', outerBox: 'intact', matchedOn: 'rma_id' } });
  });

  it('finds a case by order id and by case id', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000002-0000001' }]);
    const caseId = await caseIdOf(db(), '111-0000002-0000001');
    const byOrder = await receiveReturn(db(), 1, { identifier: ' 111-0000002-0000001 ', receivedBy: 'Li Wei', outerBox: 'damaged' }, now);
    expect(byOrder).toMatchObject({ caseId, matchedOn: 'order_id', outerBox: 'damaged', receivedAt: now });
    await expect(receiveReturn(db(), 1, { identifier: String(caseId), receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already received/) });
  });

  it('records an FBA unit scanned by its license plate without touching Amazon\'s states', async () => {
    await importFbaReturn(db(), dir, '111-0000003-0000001');
    const caseId = await caseIdOf(db(), '111-0000003-0000001');
    const before = await findReturnCase(db().db, 1, caseId);
    const received = await receiveReturn(db(), 1, { identifier: 'LPN-111-0000003-0000001', receivedBy: 'Li Wei', outerBox: 'opened_resealed' }, now);
    expect(received).toMatchObject({ caseId, matchedOn: 'license_plate', status: before!.status, deadlines: [] });
    await expect(receiveReturn(db(), 1, { identifier: 'LPN-111-0000003-0000001', receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/parcel was already received \(2026-03-06T16:00:00.000Z, by Li Wei\)/) });
  });

  it('asks which case when an order has two returned SKUs, and changes nothing', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000004-0000001', sku: 'A-1' }, { orderId: '111-0000004-0000001', sku: 'B-2' }]);
    await expect(receiveReturn(db(), 1, { identifier: '111-0000004-0000001', receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/matches 2 cases: case \d+ \(A-1, requested, by order_id\); case \d+ \(B-2/) });
    expect(await receiptCount(db())).toBe(0);
  });

  it.each([
    ['an unknown identifier', { identifier: 'RMA-NOPE' }, 'not_found', /No return case matches "RMA-NOPE"/],
    ['an empty identifier', { identifier: '  ' }, 'invalid_input', /Give a case id/],
    ['an unknown box state', { outerBox: 'crushed' }, 'invalid_input', /Use one of: intact, damaged, opened_resealed/],
    ['no name', { receivedBy: ' ' }, 'invalid_input', /who received/],
    ['a time in the future', { receivedAt: '2026-03-07T00:00:00Z' }, 'invalid_input', /in the future/],
    ['a time that is not one', { receivedAt: 'yesterday' }, 'invalid_input', /not an ISO-8601 instant/],
  ])('refuses %s and changes nothing', async (_what, change, code, message) => {
    await importRequests(db(), dir, [{ orderId: '111-0000005-0000001' }]);
    const request = { identifier: 'RMA-111-0000005-0000001', receivedBy: 'Li Wei', outerBox: 'intact', ...change };
    await expect(receiveReturn(db(), 1, request, now)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await receiptCount(db())).toBe(0);
    expect((await findReturnCase(db().db, 1, await caseIdOf(db(), '111-0000005-0000001')))!.status).toBe('requested');
  });

  it('moves the case\'s version on and audits the receipt; refuses a version the case has moved past, writing nothing', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000007-0000001' }, { orderId: '111-0000007-0000002' }]);
    const caseId = await caseIdOf(db(), '111-0000007-0000001');
    const request = { identifier: { caseId }, receivedBy: 'Li Wei', outerBox: 'intact' };
    await expect(receiveReturn(db(), 1, request, now, 'api', { expectedVersion: 2, actor: 'token:9' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since version 2 \(it is at 1 now\)/) });
    expect([await receiptCount(db()), await auditOf(db())]).toEqual([0, []]);
    const received = await receiveReturn(db(), 1, request, now, 'api', { expectedVersion: 1, actor: 'token:9' });
    expect([received.matchedOn, received.version, (await findReturnCase(db().db, 1, caseId))!.version]).toEqual(['case_id', 2, 2]);
    // Without an actor (a caller that has none), the audit log names the receiver.
    await receiveReturn(db(), 1, { ...request, identifier: 'RMA-111-0000007-0000002' }, now);
    const other = await caseIdOf(db(), '111-0000007-0000002');
    expect(await auditOf(db())).toEqual([
      { actor: 'token:9', action: 'case.received', subject: `case:${caseId}` }, { actor: 'Li Wei', action: 'case.received', subject: `case:${other}` },
    ]);
  });

  it('does not find another account\'s case', async () => {
    await importRequests(db(), dir, [{ orderId: '111-0000006-0000001' }]);
    await expect(receiveReturn(db(), 2, { identifier: 'RMA-111-0000006-0000001', receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'not_found' });
    const caseId = await caseIdOf(db(), '111-0000006-0000001');
    await expect(receiveReturn(db(), 2, { identifier: { caseId }, receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'not_found', message: `There is no return case ${caseId}.` });
  });
});
