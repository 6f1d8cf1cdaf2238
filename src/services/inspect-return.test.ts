import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdOf, importProductCsv, importRequests } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { fixtures } from '../../test/evidence-fixtures.js';
import { scratchDir } from '../../test/report-files.js';
import { listCaseEvidence } from '../storage/inspection-repository.js';
import { listCaseOutcomes } from '../storage/outcome-repository.js';
import { findReturnCase, listCaseEvents } from '../storage/return-case-repository.js';
import type { EvidenceStoreConfig } from './evidence-store.js';
import { inspectReturn } from './inspect-return.js';
import { receiveReturn } from './receive-return.js';

const now = '2026-03-06T16:00:00.000Z';
const orderId = '111-0000001-0000001';

// Opened, light use, everything in the box: Used - Very Good.
const lightUse = {
  unitPresent: 'yes', outerBox: 'intact', matchesListing: 'yes', identityMatches: 'yes', retailPackaging: 'opened_intact',
  seal: 'broken', accessoriesMissing: [], signsOfUse: 'light', damage: 'none', functionTest: 'pass',
};

describe.each(testDatabases)('inspectReturn on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  let store: EvidenceStoreConfig;
  const stores: string[] = [];
  afterEach(() => { for (const d of stores.splice(0)) rmSync(d, { recursive: true, force: true }); });

  async function receivedCase(): Promise<number> {
    store = { directory: mkdtempSync(join(tmpdir(), 'returndesk-evidence-')), maxPhotoBytes: 1024, maxVideoBytes: 4096 };
    stores.push(store.directory);
    await importProductCsv(db(), dir, 'sku,title,category,price,accessories\nCAM-1,Action camera,electronics,89.00,charger;strap\n');
    await importRequests(db(), dir, [{ orderId, sku: 'CAM-1', reason: 'CR-UNWANTED_ITEM', orderAmount: '89.00' }]);
    await receiveReturn(db(), 1, { identifier: `RMA-${orderId}`, receivedBy: 'Li Wei', outerBox: 'intact', receivedAt: '2026-03-06T15:00:00Z' }, now);
    return caseIdOf(db(), orderId);
  }

  function photo(name: string, bytes: Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  it('grades the unit, keeps the evidence, moves the case to inspected and records the grade for learning', async () => {
    const caseId = await receivedCase();
    const jpeg = photo('box.jpg', fixtures.jpeg('front'));
    const result = await inspectReturn(db(), 1, { identifier: String(caseId), inspectedBy: 'Zhang Min', answers: lightUse, evidenceFiles: [jpeg, jpeg] }, store, now);
    expect(result).toMatchObject({ caseId, grade: 'used_very_good', ruleId: 'light_use', conditionGrade: 'very_good', productCategory: 'electronics', statusBefore: 'received', status: 'inspected' });
    expect(result.rule.zh).not.toBe('');
    expect(result.evidence).toHaveLength(2);
    expect(result.evidence.map((e) => e.created)).toEqual([true, false]);
    expect((await findReturnCase(db().db, 1, caseId))!.status).toBe('inspected');
    const files = await listCaseEvidence(db().db, 1, caseId);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ inspectionId: result.inspectionId, kind: 'photo', mediaType: 'image/jpeg', fileName: 'box.jpg', uploadedBy: 'Zhang Min' });
    expect(await listCaseOutcomes(db().db, 1, caseId)).toEqual([expect.objectContaining({ outcome: 'graded', grade: 'very_good', productCategory: 'electronics', reasonCategory: 'changed_mind' })]);
    expect((await listCaseEvents(db().db, caseId)).at(-1)).toMatchObject({ kind: 'inspected', data: { grade: 'used_very_good', ruleId: 'light_use' } });
  });

  it('asks the category\'s checklist: an electronics unit needs its function test and serial check', async () => {
    const caseId = await receivedCase();
    const { functionTest: _f, identityMatches: _i, ...withoutTests } = lightUse;
    await expect(inspectReturn(db(), 1, { identifier: String(caseId), inspectedBy: 'Zhang Min', answers: withoutTests }, store, now))
      .rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/identityMatches[\s\S]*functionTest/) });
  });

  it.each([
    ['a case never received', 'never', 'conflict', /was never received: record its receipt first/],
    ['an unknown case', 'unknown', 'not_found', /No return case matches/],
    ['an unknown accessory', 'accessory', 'invalid_input', /"lens cap" is not an accessory of this SKU \(expected: charger, strap\)/],
    ['a PDF as evidence', 'pdf', 'invalid_input', /PDF/],
    ['a photo over the size limit', 'big', 'too_large', /photos may be at most/],
    ['no inspector', 'nobody', 'invalid_input', /who inspected/],
  ])('refuses %s and records nothing', async (_what, variant, code, message) => {
    const caseId = await receivedCase();
    if (variant === 'never') await importRequests(db(), dir, [{ orderId: '111-0000009-0000009', sku: 'CAM-1' }], 'US', 'second.txt');
    const identifier = variant === 'never' ? 'RMA-111-0000009-0000009' : variant === 'unknown' ? 'RMA-NOPE' : String(caseId);
    const answers = variant === 'accessory' ? { ...lightUse, accessoriesMissing: ['lens cap'] } : lightUse;
    const evidenceFiles = variant === 'pdf' ? [photo('receipt.jpg', fixtures.pdf())] : variant === 'big' ? [photo('huge.jpg', fixtures.jpeg('x'.repeat(2000)))] : [];
    const request = { identifier, inspectedBy: variant === 'nobody' ? ' ' : 'Zhang Min', answers, evidenceFiles };
    await expect(inspectReturn(db(), 1, request, store, now)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await listCaseEvidence(db().db, 1, caseId)).toEqual([]);
    expect(await listCaseOutcomes(db().db, 1, caseId)).toEqual([]);
    expect((await findReturnCase(db().db, 1, caseId))!.status).toBe('received');
    expect(readdirSync(store.directory).filter((name) => name !== '.tmp')).toEqual([]);
  });

  it('checks the case\'s version before storing any file, and audits the inspection under its actor', async () => {
    const caseId = await receivedCase();
    const request = { identifier: { caseId }, inspectedBy: 'Zhang Min', answers: lightUse, evidenceFiles: [{ path: photo('upload-1', fixtures.jpeg('side')), fileName: 'side.jpg' }] };
    await expect(inspectReturn(db(), 1, request, store, now, 'api', { expectedVersion: 1, actor: 'user:3' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since version 1 \(it is at 2 now\)/) });
    expect(readdirSync(store.directory).filter((name) => name !== '.tmp')).toEqual([]);
    const result = await inspectReturn(db(), 1, request, store, now, 'api', { expectedVersion: 2, actor: 'user:3' });
    expect([result.version, result.evidence.map((e) => e.fileName)]).toEqual([3, ['side.jpg']]);
    const audit = await db().db.selectFrom('audit_log').select(['actor', 'action', 'after']).where('action', '=', 'case.inspected').execute();
    expect(audit.map((e) => [e.actor, JSON.parse(e.after ?? 'null')])).toEqual([['user:3', expect.objectContaining({ status: 'inspected', version: 3, inspectedBy: 'Zhang Min', evidence: [result.evidence[0]!.sha256] })]]);
  });

  it('refuses a second inspection of the same receipt', async () => {
    const caseId = await receivedCase();
    await inspectReturn(db(), 1, { identifier: String(caseId), inspectedBy: 'Zhang Min', answers: lightUse }, store, now);
    await expect(inspectReturn(db(), 1, { identifier: String(caseId), inspectedBy: 'Zhang Min', answers: lightUse }, store, now))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already inspected \(used_very_good, by Zhang Min/) });
  });
});
