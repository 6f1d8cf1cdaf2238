import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdOf, importedAt, importFbaReturn, importProductCsv, importRequests } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { importReportFile } from './import-reports.js';
import { findDisposition } from '../storage/disposition-repository.js';
import { listCaseEvents } from '../storage/return-case-repository.js';
import { dispositionForCase } from './case-disposition.js';
import type { EvidenceStoreConfig } from './evidence-store.js';
import { inspectReturn } from './inspect-return.js';
import { receiveReturn } from './receive-return.js';
import { recordDisposition } from './record-disposition.js';

const now = '2026-03-06T16:00:00.000Z';
const orderId = '111-0000001-0000001';
const unit = { unitPresent: 'yes', outerBox: 'intact', matchesListing: 'yes', retailPackaging: 'opened_intact', seal: 'broken', signsOfUse: 'light', damage: 'none' };

describe.each(testDatabases)('dispositions on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const stores: string[] = [];
  afterEach(() => { for (const d of stores.splice(0)) rmSync(d, { recursive: true, force: true }); });

  async function inspected(answers: Record<string, unknown> = unit): Promise<number> {
    const store: EvidenceStoreConfig = { directory: mkdtempSync(join(tmpdir(), 'returndesk-evidence-')), maxPhotoBytes: 1024, maxVideoBytes: 1024 };
    stores.push(store.directory);
    await importProductCsv(db(), dir, 'sku,category,price,unit_cost,weight_g\nMUG-1,kitchen,25.00,8.00,400\n');
    await importRequests(db(), dir, [{ orderId, sku: 'MUG-1', reason: 'CR-UNWANTED_ITEM', orderAmount: '25.00' }]);
    await receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    await inspectReturn(db(), 1, { identifier: `RMA-${orderId}`, inspectedBy: 'Zhang Min', answers }, store, now);
    return caseIdOf(db(), orderId);
  }

  it('prices every route for the inspected grade and recommends the best allowed one', async () => {
    const caseId = await inspected();
    const found = await dispositionForCase(db(), 1, String(caseId), now);
    expect(found).toMatchObject({ kind: 'inspected', caseId, grade: 'used_very_good' });
    if (found.kind !== 'inspected') throw new Error('expected an inspected unit');
    const byRoute = new Map(found.result.options.map((o) => [o.route, o]));
    expect(byRoute.get('restock_as_new')).toMatchObject({ allowed: false, blockedBy: ['restock-new-only'] });
    expect(byRoute.get('sell_as_used')!.allowed).toBe(true);
    expect(found.result.recommended!.route).toBe('sell_as_used');
    const allowed = found.result.options.filter((o) => o.allowed);
    expect(Math.max(...allowed.map((o) => o.netRecoveryMinor))).toBe(found.result.recommended!.netRecoveryMinor);
  });

  it('takes exactly one case id as well as a scan, and says the case\'s version', async () => {
    const caseId = await inspected();
    const byId = await dispositionForCase(db(), 1, { caseId }, now);
    expect(byId).toEqual(await dispositionForCase(db(), 1, `RMA-${orderId}`, now));
    expect(byId).toMatchObject({ kind: 'inspected', version: 3, inspection: { caseId, inspectedBy: 'Zhang Min' } });
    await expect(dispositionForCase(db(), 1, { caseId: caseId + 1000 }, now)).rejects.toMatchObject({ code: 'not_found', message: `There is no return case ${caseId + 1000}.` });
    await expect(dispositionForCase(db(), 2, { caseId }, now)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the chosen route with the prices of the moment, then its realized value', async () => {
    const caseId = await inspected();
    const first = await recordDisposition(db(), 1, { identifier: String(caseId), route: 'sell_as_used', decidedBy: 'Li Wei' }, now);
    expect(first).toMatchObject({ caseId, route: 'sell_as_used', recommendedRoute: 'sell_as_used', realizedMinor: null, currency: 'USD', created: true });
    const second = await recordDisposition(db(), 1, { identifier: String(caseId), route: 'sell_as_used', decidedBy: 'Li Wei', realized: '14.20' }, now);
    expect(second).toMatchObject({ dispositionId: first.dispositionId, realizedMinor: 1420, created: false });
    const found = await dispositionForCase(db(), 1, String(caseId), now);
    const stored = await findDisposition(db().db, 1, found.kind === 'inspected' ? found.inspectionId : -1);
    expect(stored).toMatchObject({ route: 'sell_as_used', realizedMinor: 1420, expectedNetMinor: first.expectedNetMinor });
    expect((await listCaseEvents(db().db, caseId)).filter((e) => e.kind === 'disposition')).toHaveLength(2);
  });

  it.each([
    ['a blocked route', { route: 'restock_as_new' }, 'conflict', /restock_as_new is not open for this unit \(restock-new-only\)/],
    ['an unknown route', { route: 'sell_on_ebay' }, 'invalid_input', /"sell_on_ebay" is not a route. Use one of: restock_as_new/],
    ['a realized value that is not an amount', { route: 'sell_as_used', realized: 'twelve' }, 'invalid_input', /twelve/],
    ['nobody', { route: 'sell_as_used', decidedBy: '' }, 'invalid_input', /who chose the route/],
  ])('refuses %s and records nothing', async (_what, change, code, message) => {
    const caseId = await inspected();
    await expect(recordDisposition(db(), 1, { identifier: String(caseId), decidedBy: 'Li Wei', ...change } as never, now))
      .rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect((await listCaseEvents(db().db, caseId)).filter((e) => e.kind === 'disposition')).toEqual([]);
  });

  it('moves the case\'s version on with each record and audits it; a version the case moved past is refused', async () => {
    const caseId = await inspected();
    await expect(recordDisposition(db(), 1, { identifier: { caseId }, route: 'sell_as_used', decidedBy: 'Li Wei' }, now, 'api', { expectedVersion: 2, actor: 'token:4' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since version 2/) });
    const first = await recordDisposition(db(), 1, { identifier: { caseId }, route: 'sell_as_used', decidedBy: 'Li Wei' }, now, 'api', { expectedVersion: 3, actor: 'token:4' });
    const second = await recordDisposition(db(), 1, { identifier: String(caseId), route: 'sell_as_used', decidedBy: 'Li Wei', realizedMinor: 1420 }, now);
    expect([first.version, second.version, second.realizedMinor]).toEqual([4, 5, 1420]);
    const audit = await db().db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'case.disposition').orderBy('seq').execute();
    expect(audit).toEqual([{ actor: 'token:4', action: 'case.disposition' }, { actor: 'Li Wei', action: 'case.disposition' }]);
  });

  it('refuses another route once one is recorded', async () => {
    const caseId = await inspected();
    await recordDisposition(db(), 1, { identifier: String(caseId), route: 'sell_as_used', decidedBy: 'Li Wei', realized: '14.20' }, now);
    await expect(recordDisposition(db(), 1, { identifier: String(caseId), route: 'dispose', decidedBy: 'Li Wei' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already has its route recorded \(sell_as_used, realized 1420\)/) });
  });

  it('asks for an inspection first', async () => {
    await importRequests(db(), dir, [{ orderId }]);
    await expect(dispositionForCase(db(), 1, `RMA-${orderId}`, now)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/has no inspection: inspect the unit first/) });
  });

  it('compares removal, liquidation and disposal for an FBA unit Amazon graded unsellable', async () => {
    await importProductCsv(db(), dir, 'sku,category,price,weight_g\nTSHIRT-M,apparel,19.99,300\n');
    const path = writeReport(dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': '111-0000002-0000002', 'detailed-disposition': 'CUSTOMER_DAMAGED', 'license-plate-number': 'LPN-DAMAGED' })]);
    await importReportFile(db(), path, { marketplace: 'US', now: importedAt });
    const found = await dispositionForCase(db(), 1, 'LPN-DAMAGED', now);
    expect(found.kind).toBe('fba_unsellable');
    expect(found.result.options.map((o) => o.route)).toEqual(['remove', 'liquidate', 'dispose']);
    expect(found.result.recommended).not.toBeNull();
    await expect(recordDisposition(db(), 1, { identifier: 'LPN-DAMAGED', route: 'dispose', decidedBy: 'Li Wei' }, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Amazon holds: order its removal, liquidation or disposal in Seller Central/) });
  });

  it('has nothing to decide for a sellable FBA unit Amazon restocked', async () => {
    await importFbaReturn(db(), dir, '111-0000003-0000003');
    await expect(dispositionForCase(db(), 1, 'LPN-111-0000003-0000003', now)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/FBA unit Amazon graded SELLABLE/) });
  });
});
