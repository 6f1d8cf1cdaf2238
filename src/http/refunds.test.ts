import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { caseIdOf, importedAt } from '../../test/decision-fixtures.js';
import { testDatabases } from '../../test/databases.js';
import { headers, rowOf, writeReport } from '../../test/report-files.js';
import { defaultPolicy, defaultRestockingFeeCaps } from '../domain/policy/default-policy.js';
import { addAccount } from '../services/accounts.js';
import { defaultEvidenceStoreConfig } from '../services/evidence-store.js';
import { importReportFile } from '../services/import-reports.js';
import { inspectReturn } from '../services/inspect-return.js';
import { applyPolicy } from '../services/policy.js';
import { receiveReturn } from '../services/receive-return.js';

// Refunds over HTTP: a £40.00 UK desk lamp the buyer no longer wants, returned with a £3.50 label the
// seller bought, received and inspected with moderate use (grade used_good: the 50% "not original
// condition" cap applies unless the policy says less).

const now = '2026-03-06T16:00:00.000Z';
const header = `${headers.mfnReturns}\torder-item-id`;
const moderateUse = { unitPresent: 'yes', outerBox: 'intact', matchesListing: 'yes', retailPackaging: 'opened_intact', seal: 'broken', signsOfUse: 'moderate', damage: 'none' };

function ukRequest(orderId: string): string[] {
  return rowOf(header, {
    'Order ID': orderId, 'Order date': '2026-02-20', 'Return request date': '2026-03-02T10:00:00+00:00', 'Return request status': 'Approved',
    'Amazon RMA ID': `RMA-${orderId}`, 'Label type': 'AmazonUnPaidLabel', 'Label cost': '3.50', 'Currency code': 'GBP', 'Label to be paid by': 'Seller',
    'Merchant SKU': 'LAMP-1', 'Item Name': 'Desk lamp', 'Return quantity': '1', 'Return Reason': 'CR-UNWANTED_ITEM', 'In policy': 'Y',
    'Order Amount': '40.00', 'Order quantity': '1', 'order-item-id': `OI-${orderId}`,
  }, ' ');
}

describe.each(testDatabases)('refunds over HTTP on $name', (target) => {
  const server = useApiServer(target, now);
  const database = () => server.database();
  const app = () => server.app();

  /** A received and inspected case of `accountId`; its id. */
  async function inspectedCase(orderId = '202-0000001-0000001', accountId = 1): Promise<number> {
    const path = writeReport(server.scratch, `mfn-${orderId}.txt`, header, [ukRequest(orderId)]);
    await importReportFile(database(), path, { marketplace: 'UK', now: importedAt, accountId });
    await receiveReturn(database(), accountId, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    const store = { ...defaultEvidenceStoreConfig, directory: join(server.scratch, 'evidence') };
    await inspectReturn(database(), accountId, { identifier: `RMA-${orderId}`, inspectedBy: 'Zhang Min', answers: moderateUse }, store, now);
    return caseIdOf(database(), orderId);
  }

  const post = (url: string, token: string, payload?: object, ifMatch?: string) => app().inject({
    method: 'POST', url, ...(payload === undefined ? {} : { payload }),
    headers: { authorization: `Bearer ${token}`, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
  });
  const quote = (caseId: number, token: string, payload: object = {}) => post(`/api/accounts/1/returns/${caseId}/refund-quotes`, token, payload);
  const record = (caseId: number, token: string, ifMatch: string | undefined, payload: object = { fee: 'max', deductLabel: true }) =>
    post(`/api/accounts/1/returns/${caseId}/refunds`, token, payload, ifMatch);
  const exportFeed = (token: string, accountId = 1) => app().inject({ method: 'POST', url: `/api/accounts/${accountId}/adjustments/export`, headers: { authorization: `Bearer ${token}` } });
  const refundRows = async () => database().db.selectFrom('refunds').select(['case_id', 'total_minor', 'recorded_by', 'exported_at']).execute();
  const auditOf = async (action: string) => database().db.selectFrom('audit_log').select(['actor', 'subject', 'before', 'after']).where('action', '=', action).execute();

  it('quotes an inspected case within the policy\'s restocking-fee cap, for an inspector too, and writes nothing', async () => {
    const caps = [{ ...defaultRestockingFeeCaps[0]!, usedOrDamagedNotSellerFaultBps: 2500 }];
    await applyPolicy(database(), 1, JSON.stringify({ ...defaultPolicy, restockingFeeCaps: caps }), 'policy.json', now);
    const caseId = await inspectedCase();
    const inspector = await tokenFor(database(), 'inspector');
    const quoted = await quote(caseId, inspector, { fee: 'max', deductLabel: true });
    expect(quoted.statusCode).toBe(200);
    const body = quoted.json();
    expect(quoted.headers.etag).toBe(`"${body.caseVersion}"`);
    // 25% of the £40.00 item, not Amazon's 50%: the policy's cap; and the £3.50 label.
    expect(body.quote.lines.map((l: { kind: string; amountMinor: number; capBps: number | null }) => [l.kind, l.amountMinor, l.capBps])).toEqual([
      ['item', 4000, null], ['outbound_shipping', 0, null], ['restocking_fee', -1000, 2500], ['return_shipping', -350, null],
    ]);
    expect(body.quote).toMatchObject({ currency: 'GBP', totalMinor: 2650, paidMinor: 4000 });
    expect(body.input).toMatchObject({ fault: 'buyer', grade: 'used_good', restockingFee: 'max' });
    expect(body.message).toMatchObject({ action: 'refund_issued', language: 'en', ready: true, findings: [] });
    expect(body.message.body).toContain('£26.50');
    expect(body.actionSheet.map((s: { kind: string }) => s.kind)).toContain('reduction');

    const above = await quote(caseId, inspector, { fee: '30%' });
    expect([above.statusCode, above.json().error.code, above.json().error.message]).toEqual([400, 'invalid_input', expect.stringMatching(/cap/)]);
    expect(await refundRows()).toEqual([]);
    expect(await auditOf('case.refund')).toEqual([]);
  });

  it.each([
    ['a fee that is not one', { fee: 'lots' }, /is not a restocking fee/],
    ['a fee and an amount together', { fee: '10%', amount: '30.00' }, /not both/],
    ['a total above what the buyer paid', { amount: '45.00' }, /refund at most £40\.00/],
  ])('refuses %s with a 400 that says what to do', async (_what, payload, message) => {
    const caseId = await inspectedCase();
    const refused = await quote(caseId, await tokenFor(database(), 'agent'), payload);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.message]).toEqual([400, 'invalid_input', expect.stringMatching(message)]);
  });

  it('refuses an unknown item kind, an unknown field and a case id that is no number, naming the field', async () => {
    const caseId = await inspectedCase();
    const agent = await tokenFor(database(), 'agent');
    const kind = await quote(caseId, agent, { itemKind: 'toy' });
    expect([kind.statusCode, kind.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'itemKind' })]]);
    const unknown = await quote(caseId, agent, { restockingFee: 'max' });
    expect([unknown.statusCode, unknown.json().error.details[0].message]).toEqual([400, expect.stringContaining('restockingFee')]);
    const badId = await post('/api/accounts/1/returns/abc/refund-quotes', agent, {});
    expect([badId.statusCode, badId.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'id' })]]);
  });

  it('lets an agent record the quoted refund on its ETag: the case is refunded, its version moves on, the audit log names the agent', async () => {
    const caseId = await inspectedCase();
    const agent = await tokenFor(database(), 'agent');
    const etag = (await quote(caseId, agent, { fee: 'max', deductLabel: true })).headers.etag as string;
    const recorded = await record(caseId, agent, etag);
    expect(recorded.statusCode).toBe(201);
    const version = Number(etag.replaceAll('"', '')) + 1;
    expect(recorded.headers.etag).toBe(`"${version}"`);
    expect(recorded.json()).toMatchObject({ caseId, statusBefore: 'inspected', status: 'refunded', version, quote: { totalMinor: 1650, currency: 'GBP' } });
    expect(await refundRows()).toEqual([{ case_id: caseId, total_minor: 1650, recorded_by: 'as-agent-1', exported_at: null }]);

    const audit = await auditOf('case.refund');
    expect(audit).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^token:\d+$/), subject: `case:${caseId}` })]);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ status: 'inspected', version: version - 1, refundedMinor: null, currency: 'GBP' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: 'refunded', version, refundedMinor: 1650, currency: 'GBP', paidMinor: 4000, recordedBy: 'as-agent-1' });

    const read = await app().inject({ method: 'GET', url: `/api/accounts/1/returns/${caseId}`, headers: { authorization: `Bearer ${agent}` } });
    expect(read.headers.etag).toBe(`"${version}"`);
    expect(read.json()).toMatchObject({ status: 'refunded', refunded: { amountMinor: 1650, currency: 'GBP' } });
    expect(read.json().events.at(-1)).toMatchObject({ kind: 'refund', source: 'api' });

    const again = await record(caseId, agent, `"${version}"`, { recordedBy: 'Li Wei' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);
  });

  it('refuses a refund without If-Match (400) or on a stale one (409), and writes nothing', async () => {
    const caseId = await inspectedCase();
    const agent = await tokenFor(database(), 'agent');
    const missing = await record(caseId, agent, undefined);
    expect([missing.statusCode, missing.json().error.message]).toEqual([400, expect.stringContaining('If-Match')]);
    const stale = await record(caseId, agent, '"1"');
    expect([stale.statusCode, stale.json().error.code, stale.json().error.message]).toEqual([409, 'conflict', expect.stringMatching(/changed since version 1/)]);
    expect(await refundRows()).toEqual([]);
    expect(await auditOf('case.refund')).toEqual([]);
    const read = await app().inject({ method: 'GET', url: `/api/accounts/1/returns/${caseId}`, headers: { authorization: `Bearer ${agent}` } });
    expect(read.json()).toMatchObject({ status: 'inspected', refunded: null });
  });

  it('leaves recording refunds and the feed to those with the refund permission: an inspector and a viewer get 403', async () => {
    const caseId = await inspectedCase();
    for (const role of ['inspector', 'viewer'] as const) {
      const token = await tokenFor(database(), role);
      const etag = (await quote(caseId, token)).headers.etag as string;
      expect([role, (await record(caseId, token, etag)).statusCode]).toEqual([role, 403]);
      expect([role, (await exportFeed(token)).statusCode]).toEqual([role, 403]);
    }
    expect(await refundRows()).toEqual([]);
  });

  it('downloads the adjustment feed as an attachment with the refund in it, once, and audits the export', async () => {
    const caseId = await inspectedCase();
    const agent = await tokenFor(database(), 'agent');
    expect((await record(caseId, agent, (await quote(caseId, agent)).headers.etag as string, { fee: 'max', deductLabel: true })).statusCode).toBe(201);

    // Nothing that only reads can take the refund out of the feed.
    for (const method of ['GET', 'HEAD'] as const) {
      expect((await app().inject({ method, url: '/api/accounts/1/adjustments/export', headers: { authorization: `Bearer ${agent}` } })).statusCode).toBe(404);
    }
    const feed = await exportFeed(agent);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers).toMatchObject({
      'content-type': 'text/tab-separated-values; charset=utf-8', 'x-content-type-options': 'nosniff',
      'x-adjustments-exported': '1', 'cache-control': 'no-store',
    });
    expect(feed.headers['content-disposition']).toMatch(/^attachment; filename="adjustments-20260306T160000Z\.txt"/);
    expect(feed.body.split('\n')[0]).toMatch(/^order-id\torder-item-id\tadjustment-reason-code/);
    expect(feed.body.split('\n')[1]).toBe('202-0000001-0000001\tOI-202-0000001-0000001\tCustomerReturn\tGBP\t16.50\t\t0.00\t\t\t\t\t\t\t\t');
    expect((await refundRows())[0]!.exported_at).toBe(now);
    const audit = await auditOf('adjustments.export');
    expect(audit).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^token:\d+$/), subject: 'account:1' })]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ refundIds: [expect.any(Number)], exportedAt: now });

    const again = await exportFeed(agent);
    expect([again.statusCode, again.body, again.headers['x-adjustments-exported']]).toEqual([204, '', '0']);
    expect(await auditOf('adjustments.export')).toHaveLength(1);
  });

  // PostgreSQL only: on SQLite two write transactions of one process cannot overlap at all (the second's
  // synchronous BEGIN IMMEDIATE blocks the event loop until the busy timeout; see the report to the lead).
  it.runIf(target.name === 'postgres')('puts a refund in one file only when two exports run at once', async () => {
    const caseId = await inspectedCase();
    const agent = await tokenFor(database(), 'agent');
    await record(caseId, agent, (await quote(caseId, agent)).headers.etag as string, {});
    const [a, b] = await Promise.all([exportFeed(agent), exportFeed(agent)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 204]);
    expect(await auditOf('adjustments.export')).toHaveLength(1);
  });

  it('never reaches another account\'s case or feed: 404', async () => {
    await addAccount(database(), 'Second shop', 'test', now);
    const otherCase = await inspectedCase('202-0000009-0000009', 2);
    const owner = await tokenFor(database(), 'owner');
    const quoted = await quote(otherCase, owner);
    expect([quoted.statusCode, quoted.json().error.code]).toEqual([404, 'not_found']);
    expect((await record(otherCase, owner, '"3"')).statusCode).toBe(404);
    expect((await post(`/api/accounts/2/returns/${otherCase}/refund-quotes`, owner, {})).statusCode).toBe(404);
    expect((await exportFeed(owner, 2)).statusCode).toBe(404);
    expect(await refundRows()).toEqual([]);
  });
});
