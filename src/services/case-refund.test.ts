import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdOf, importedAt } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fixtures } from '../../test/evidence-fixtures.js';
import { headers, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { listCaseRefunds } from '../storage/refund-repository.js';
import { findReturnCase, listCaseEvents } from '../storage/return-case-repository.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { quoteCaseRefund } from './case-refund.js';
import { applyPolicy } from './policy.js';
import { exportAdjustments } from './export-adjustments.js';
import { importReportFile } from './import-reports.js';
import { inspectReturn } from './inspect-return.js';
import { receiveReturn } from './receive-return.js';
import { recordCaseRefund } from './record-refund.js';

const now = '2026-03-06T16:00:00.000Z';
const header = `${headers.mfnReturns}\torder-item-id`;

// A £40.00 unit the buyer no longer wants, returned with a £3.50 label the seller bought (UK: no
// prepaid-label program, so the label may be deducted from a buyer-fault refund).
function ukRequest(orderId: string, cells: Record<string, string> = {}): string[] {
  return rowOf(header, {
    'Order ID': orderId, 'Order date': '2026-02-20', 'Return request date': '2026-03-02T10:00:00+00:00', 'Return request status': 'Approved',
    'Amazon RMA ID': `RMA-${orderId}`, 'Label type': 'AmazonUnPaidLabel', 'Label cost': '3.50', 'Currency code': 'GBP', 'Label to be paid by': 'Seller',
    'Merchant SKU': 'LAMP-1', 'Item Name': 'Desk lamp', 'Return quantity': '1', 'Return Reason': 'CR-UNWANTED_ITEM', 'In policy': 'Y',
    'Order Amount': '40.00', 'Order quantity': '1', 'order-item-id': `OI-${orderId}`, ...cells,
  }, ' ');
}

const moderateUse = { unitPresent: 'yes', outerBox: 'intact', matchesListing: 'yes', retailPackaging: 'opened_intact', seal: 'broken', signsOfUse: 'moderate', damage: 'none' };

describe.each(testDatabases)('refunds on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const stores: string[] = [];
  afterEach(() => { for (const d of stores.splice(0)) rmSync(d, { recursive: true, force: true }); });

  const auditRows = async (action: string) => (await db().db.selectFrom('audit_log').select(['actor', 'subject', 'before', 'after']).where('action', '=', action).execute())
    .map((row) => ({ ...row, before: row.before === null ? null : JSON.parse(row.before), after: row.after === null ? null : JSON.parse(row.after) }));

  async function inspectedCase(orderId = '202-0000001-0000001', cells: Record<string, string> = {}, photos = 1): Promise<number> {
    const store = { directory: mkdtempSync(join(tmpdir(), 'returndesk-evidence-')), maxPhotoBytes: 4096, maxVideoBytes: 4096 };
    stores.push(store.directory);
    const path = writeReport(dir, `mfn-${orderId}.txt`, header, [ukRequest(orderId, cells)]);
    await importReportFile(db(), path, { marketplace: 'UK', now: importedAt });
    await receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    const evidence = Array.from({ length: photos }, (_, i) => {
      const file = join(dir, `photo-${orderId}-${i}.jpg`);
      writeFileSync(file, fixtures.jpeg(`${orderId}-${i}`));
      return file;
    });
    await inspectReturn(db(), 1, { identifier: `RMA-${orderId}`, inspectedBy: 'Zhang Min', answers: moderateUse, evidenceFiles: evidence }, store, now);
    return caseIdOf(db(), orderId);
  }

  it('quotes the largest fee the case allows and the label, each line with its rule, with the action sheet and the buyer message', async () => {
    const caseId = await inspectedCase();
    const result = await quoteCaseRefund(db(), 1, { identifier: String(caseId), fee: 'max', deductLabel: true }, now);
    expect(result.quote.lines.map((l) => [l.kind, l.amountMinor, l.ruleId])).toEqual([
      ['item', 4000, 'item-refund'],
      ['outbound_shipping', 0, 'outbound-shipping-not-refunded'],
      ['restocking_fee', -2000, 'restocking-fee-not-original-condition'],
      ['return_shipping', -350, 'return-shipping-deducted'],
    ]);
    expect(result.quote).toMatchObject({ totalMinor: 1650, paidMinor: 4000, currency: 'GBP' });
    expect(result.orderItemId).toBe('OI-202-0000001-0000001');
    expect(result.evidenceCount).toBe(1);
    expect(result.actionSheet.map((s) => s.kind)).toContain('reduction');
    expect(result.message).toMatchObject({ action: 'refund_issued', language: 'en', ready: true });
    expect(result.message.body).toContain('£16.50');
    expect(result.message.body).toContain('Photos of the item taken during our inspection are attached');
    expect(result.deadlines.map((d) => d.ruleId)).toEqual(['refund-after-receipt']);
  });

  it.each([
    ['a fee above the cap', { fee: '60%' }, /cap/],
    ['a fee that is not one', { fee: 'lots' }, /is not a restocking fee/],
    ['an unknown item kind', { itemKind: 'toy' }, /Use one of: standard, book, media, software/],
  ])('refuses %s', async (_what, change, message) => {
    const caseId = await inspectedCase();
    await expect(quoteCaseRefund(db(), 1, { identifier: String(caseId), ...change }, now)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  });

  it('itemizes a refund total the seller typed in, within the caps', async () => {
    const caseId = await inspectedCase();
    const result = await quoteCaseRefund(db(), 1, { identifier: String(caseId), amount: '32.00' }, now);
    expect(result.quote.totalMinor).toBe(3200);
    expect(result.quote.lines.find((l) => l.kind === 'restocking_fee')).toMatchObject({ amountMinor: -800, ruleId: 'restocking-fee-not-original-condition' });
  });

  it.each([
    ['more than the buyer paid', { amount: '45.00' }, /more than the buyer paid .*refund at most £40\.00/],
    ['less than the caps allow', { amount: '10.00' }, /refund at least £16\.50/],
    ['both a fee and an amount', { amount: '30.00', fee: '10%' }, /not both/],
  ])('refuses a typed total %s', async (_what, change, message) => {
    const caseId = await inspectedCase();
    await expect(quoteCaseRefund(db(), 1, { identifier: String(caseId), ...change }, now)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  });

  it('never deducts the label in a marketplace where the policy says the seller offers Free Returns', async () => {
    const caseId = await inspectedCase();
    await applyPolicy(db(), 1, JSON.stringify({ ...defaultPolicy, freeReturnsMarketplaces: ['UK'] }), 'policy.json', now);
    await expect(quoteCaseRefund(db(), 1, { identifier: String(caseId), deductLabel: true }, now))
      .rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/return label cannot be deducted.*return-shipping-forbidden-free-returns/) });
    const quote = await quoteCaseRefund(db(), 1, { identifier: String(caseId) }, now);
    expect(quote.quote.lines.find((l) => l.kind === 'return_shipping')!.ruleId).toBe('return-shipping-forbidden-free-returns');
  });

  it('gives a seller-fault return everything back, whatever fee is asked for as max', async () => {
    const caseId = await inspectedCase('202-0000002-0000002', { 'Return Reason': 'AMZ-PG-BAD-DESC' });
    const result = await quoteCaseRefund(db(), 1, { identifier: String(caseId), fee: 'max' }, now);
    expect(result.quote.totalMinor).toBe(result.quote.paidMinor);
    await expect(quoteCaseRefund(db(), 1, { identifier: String(caseId), fee: '10%' }, now)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('records the refund, moves the case to refunded, and exports it once in the adjustment feed', async () => {
    const caseId = await inspectedCase();
    const recorded = await recordCaseRefund(db(), 1, { identifier: String(caseId), fee: 'max', deductLabel: true, recordedBy: 'Li Wei' }, now);
    expect(recorded).toMatchObject({ statusBefore: 'inspected', status: 'refunded' });
    expect(await findReturnCase(db().db, 1, caseId)).toMatchObject({ status: 'refunded', refundedMinor: 1650, refundedAt: now });
    expect((await listCaseEvents(db().db, caseId)).at(-1)).toMatchObject({ kind: 'refund', data: { totalMinor: 1650 } });
    await expect(recordCaseRefund(db(), 1, { identifier: String(caseId), recordedBy: 'Li Wei' }, now)).rejects.toMatchObject({ code: 'conflict' });

    await expect(exportAdjustments(db(), 1, now, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect((await listCaseRefunds(db().db, 1, caseId))[0]!.exportedAt).toBeNull();
    const delivered: string[] = [];
    const exported = await exportAdjustments(db(), 1, now, async (text) => { delivered.push(text); });
    expect(delivered).toEqual([exported.text]);
    expect(exported.text).toBe(
      'order-id\torder-item-id\tadjustment-reason-code\tcurrency\titem-price-adj\titem-tax-adj\tshipping-price-adj\tshipping-tax-adj\tgift-wrap-price-adj\tgift-wrap-tax-adj\titem-promotion-adj\titem-promotion-id\tship-promotion-adj\tship-promotion-id\tquantity-cancelled\n'
      + '202-0000001-0000001\tOI-202-0000001-0000001\tCustomerReturn\tGBP\t16.50\t\t0.00\t\t\t\t\t\t\t\t\n');
    expect(exported.refundIds).toEqual([recorded.refundId]);
    expect((await exportAdjustments(db(), 1, now, async () => undefined)).text).toBeNull();
    expect((await listCaseRefunds(db().db, 1, caseId))[0]!.exportedAt).toBe(now);
  });

  it('leaves a refund without an order item id out of the feed, says why, and keeps it waiting', async () => {
    const caseId = await inspectedCase('202-0000003-0000003', { 'order-item-id': '' });
    await recordCaseRefund(db(), 1, { identifier: String(caseId), recordedBy: 'Li Wei' }, now);
    const exported = await exportAdjustments(db(), 1, now, async () => { throw new Error('nothing to deliver'); });
    expect(exported.text).toBeNull();
    expect(exported.skipped).toEqual([expect.objectContaining({ caseId, problem: expect.stringMatching(/order-item-id/) })]);
    expect((await listCaseRefunds(db().db, 1, caseId))[0]!.exportedAt).toBeNull();
  });

  it('refunds exactly what was paid when the line price does not divide by the units', async () => {
    const caseId = await inspectedCase('202-0000005-0000005', { 'Order Amount': '10.01', 'Order quantity': '2', 'Return quantity': '2', 'Return Reason': 'AMZ-PG-BAD-DESC' });
    const result = await quoteCaseRefund(db(), 1, { identifier: String(caseId) }, now);
    expect(result.quote).toMatchObject({ paidMinor: 1001, totalMinor: 1001 });
  });

  it('charges no restocking fee on a unit that came back damaged in a damaged box: the carrier damaged it', async () => {
    const orderId = '202-0000006-0000006';
    const store = { directory: mkdtempSync(join(tmpdir(), 'returndesk-evidence-')), maxPhotoBytes: 4096, maxVideoBytes: 4096 };
    stores.push(store.directory);
    await importReportFile(db(), writeReport(dir, 'mfn-damaged.txt', header, [ukRequest(orderId)]), { marketplace: 'UK', now: importedAt });
    await receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'damaged' }, now);
    await inspectReturn(db(), 1, { identifier: `RMA-${orderId}`, inspectedBy: 'Zhang Min', answers: { ...moderateUse, outerBox: 'damaged', damage: 'cosmetic_major' } }, store, now);
    const result = await quoteCaseRefund(db(), 1, { identifier: `RMA-${orderId}`, fee: 'max' }, now);
    expect(result.input.fault).toBe('carrier');
    expect(result.quote.totalMinor).toBe(result.quote.paidMinor);
  });

  it('has no refund left to issue when Amazon refunded at the first scan, and keeps the case refunded on receipt', async () => {
    const orderId = '202-0000007-0000007';
    const row = ukRequest(orderId, { 'Return request status': 'Completed', Resolution: 'RefundAtFirstScan', 'Refunded Amount': '40.00' });
    await importReportFile(db(), writeReport(dir, 'mfn-refunded.txt', header, [row]), { marketplace: 'UK', now: importedAt });
    const caseId = await caseIdOf(db(), orderId);
    expect((await findReturnCase(db().db, 1, caseId))!.refundedMinor).toBe(4000);
    const received = await receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    expect(received).toMatchObject({ statusBefore: 'refunded', status: 'refunded', deadlines: [] });
    await expect(quoteCaseRefund(db(), 1, { identifier: String(caseId) }, now)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/£40\.00 refunded\): there is no refund left to issue/) });
    await expect(recordCaseRefund(db(), 1, { identifier: String(caseId), recordedBy: 'Li Wei' }, now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already received/) });
  });

  it.each([
    ['GBP', 499, null],
    ['USD', null, /gives its shipping in USD, the marketplace uses GBP/],
  ])('reads outbound shipping from the All Orders report in %s', async (currency, shipping, refusal) => {
    const orderId = '202-0000008-0000008';
    const caseId = await inspectedCase(orderId);
    const order = rowOf(headers.allOrders, {
      'amazon-order-id': orderId, 'purchase-date': '2026-02-20T10:00:00+00:00', 'order-status': 'Shipped', 'fulfillment-channel': 'Merchant',
      sku: 'LAMP-1', quantity: '1', currency, 'item-price': '40.00', 'shipping-price': '4.99',
    });
    const imported = await importReportFile(db(), writeReport(dir, `orders-${currency}.txt`, headers.allOrders, [order]), { marketplace: 'UK', now: importedAt });
    expect(imported.rejected).toBe(0);
    const quoting = quoteCaseRefund(db(), 1, { identifier: String(caseId), refundOutboundShipping: true }, now);
    if (refusal) await expect(quoting).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(refusal) });
    else expect((await quoting).quote.lines.find((l) => l.kind === 'outbound_shipping')!.amountMinor).toBe(shipping);
  });

  it('records a refund only on the version the caller read, with the audit entry in the same transaction', async () => {
    const caseId = await inspectedCase();
    const { version } = (await findReturnCase(db().db, 1, caseId))!;
    const request = { identifier: caseId, fee: 'max', deductLabel: true, recordedBy: 'Li Wei' };
    await expect(recordCaseRefund(db(), 1, request, now, 'api', { expectedVersion: version - 1, actor: 'user:7' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since version/) });
    expect(await listCaseRefunds(db().db, 1, caseId)).toEqual([]);
    expect(await auditRows('case.refund')).toEqual([]);

    const recorded = await recordCaseRefund(db(), 1, request, now, 'api', { expectedVersion: version, actor: 'user:7' });
    expect(recorded).toMatchObject({ caseVersion: version, version: version + 1, status: 'refunded' });
    expect(await auditRows('case.refund')).toEqual([{
      actor: 'user:7', subject: `case:${caseId}`,
      before: { status: 'inspected', version, refundedMinor: null, currency: 'GBP' },
      after: { status: 'refunded', version: version + 1, refundedMinor: 1650, currency: 'GBP', refundId: recorded.refundId, paidMinor: 4000, ruleIds: recorded.quote.ruleIds, recordedBy: 'Li Wei' },
    }]);
  });

  it('audits an export that marks refunds, by its actor, and nothing when there is nothing to export', async () => {
    const caseId = await inspectedCase();
    expect((await exportAdjustments(db(), 1, now, async () => undefined, 'cli:li')).text).toBeNull();
    expect(await auditRows('adjustments.export')).toEqual([]);
    const { refundId } = await recordCaseRefund(db(), 1, { identifier: String(caseId), recordedBy: 'Li Wei' }, now);
    await exportAdjustments(db(), 1, now, async () => undefined, 'cli:li');
    expect(await auditRows('adjustments.export')).toEqual([{ actor: 'cli:li', subject: 'account:1', before: null, after: { refundIds: [refundId], exportedAt: now, skipped: [] } }]);
  });

  it('refuses to record a refund before the parcel is received', async () => {
    const path = writeReport(dir, 'mfn-open.txt', header, [ukRequest('202-0000004-0000004', { 'Return request status': 'Pending' })]);
    await importReportFile(db(), path, { marketplace: 'UK', now: importedAt });
    await expect(recordCaseRefund(db(), 1, { identifier: 'RMA-202-0000004-0000004', recordedBy: 'Li Wei' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/once the parcel is received/) });
    expect(await listCaseRefunds(db().db, 1, await caseIdOf(db(), '202-0000004-0000004'))).toEqual([]);
  });
});
