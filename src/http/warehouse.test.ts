import type { FastifyInstance } from 'fastify';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { caseIdOf, importedAt, importProductCsv, importRequests, requestRow } from '../../test/decision-fixtures.js';
import { fbaRow, headers as reportHeaders, scratchDir, writeReport } from '../../test/report-files.js';
import { dispositionRoutes } from '../domain/disposition/disposition-types.js';
import { inspectionRules } from '../domain/inspection/inspection-rules.js';
import { dispositionForCase } from '../services/case-disposition.js';
import { importReportFile } from '../services/import-reports.js';
import type { Database } from '../services/open-database.js';
import { buildServer } from './server.js';

// The warehouse over HTTP: scan, receive, inspect with uploaded photos, download them back, route.
// Every case change takes If-Match, answers the new ETag and lands in the audit log with its token.

const orderId = '111-0000001-0000001';
const unit = { unitPresent: 'yes', outerBox: 'intact', matchesListing: 'yes', retailPackaging: 'opened_intact', seal: 'broken', signsOfUse: 'light', damage: 'none' };

/** A real 1×1 PNG of one colour (a decoder would show it), so each test can have its own bytes. */
function png(red: number, padding = 0): Buffer {
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, red, 0x80, 0x40]));
  const text = chunk('tEXt', Buffer.from(`Comment\0${'x'.repeat(padding)}`, 'latin1'));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), text, chunk('IEND', Buffer.alloc(0))]);
}

type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'returndesk-test-boundary';
  const chunks = parts.flatMap((p) => ('value' in p
    ? [`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`]
    : [`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`, p.bytes, '\r\n']));
  return { payload: Buffer.concat([...chunks, `--${boundary}--\r\n`].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const answers = (value: object = unit): Part => ({ name: 'answers', value: JSON.stringify(value) });
const photo = (filename: string, bytes: Buffer, type = 'image/png'): Part => ({ name: 'evidence', filename, type, bytes });

async function count(database: Database, table: 'case_receipts' | 'inspections' | 'evidence_files' | 'dispositions'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditOf(database: Database): Promise<{ actor: string; action: string; before: unknown; after: unknown }[]> {
  const rows = await database.db.selectFrom('audit_log').select(['actor', 'action', 'before', 'after']).where('action', 'like', 'case.%').orderBy('seq').execute();
  return rows.map((r) => ({ actor: r.actor, action: r.action, before: JSON.parse(r.before ?? 'null'), after: JSON.parse(r.after ?? 'null') }));
}

/** A T-shirt Amazon graded CUSTOMER_DAMAGED and holds, under license plate `plate`; returns its case id. */
async function damagedFbaReturn(database: Database, dir: string, plate: string): Promise<number> {
  await importProductCsv(database, dir, 'sku,category,price,weight_g\nTSHIRT-M,apparel,19.99,300\n', 'US', 'products-fba.csv');
  const order = '112-0000009-0000009';
  const row = fbaRow({ 'order-id': order, 'detailed-disposition': 'CUSTOMER_DAMAGED', 'license-plate-number': plate });
  await importReportFile(database, writeReport(dir, 'fba-damaged.txt', reportHeaders.fbaReturns, [row]), { marketplace: 'US', now: importedAt });
  return caseIdOf(database, order);
}

/** Every route's net is exactly the sum of its components, and the recommended one is the best allowed. */
function expectPricedRoutes(body: { result: { options: { route: string; allowed: boolean; netRecoveryMinor: number; components: { amountMinor: number }[] }[]; recommended: { route: string; netRecoveryMinor: number } | null } }): void {
  for (const option of body.result.options) expect(option.components.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(option.netRecoveryMinor);
  const best = Math.max(...body.result.options.filter((o) => o.allowed).map((o) => o.netRecoveryMinor));
  expect(body.result.recommended?.netRecoveryMinor).toBe(best);
  expect(body.result.options).toContainEqual(body.result.recommended);
}

/** Files in the evidence store (its `.tmp` aside; the store is shared by a describe block's tests), and upload directories left in the scratch directory. */
function storedFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).map((e) => e.name);
}
const uploadLeftovers = (scratch: string) => readdirSync(scratch).filter((name) => name.startsWith('evidence-upload-'));

/** A request for a mug (priced, so its routes can be priced) in the account's MFN report; returns its case id. */
async function mugReturn(database: Database, dir: string, accountId = 1, order = orderId): Promise<number> {
  await importProductCsv(database, dir, 'sku,category,price,unit_cost,weight_g\nMUG-1,kitchen,25.00,8.00,400\n');
  const row = { orderId: order, sku: 'MUG-1', reason: 'CR-UNWANTED_ITEM', orderAmount: '25.00' };
  if (accountId === 1) await importRequests(database, dir, [row]);
  else await importReportFile(database, writeReport(dir, `mfn-${accountId}.txt`, reportHeaders.mfnReturns, [requestRow(row)]), { marketplace: 'US', now: importedAt, accountId });
  const found = await database.db.selectFrom('return_cases').select('id').where('order_id', '=', order).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return found.id;
}

describe.each(testDatabases)('the warehouse over HTTP on $name', (target) => {
  const server = useApiServer(target, '2026-03-06T16:00:00.000Z');
  const database = () => server.database();
  const evidenceDir = join(server.scratch, 'evidence');
  const dir = scratchDir();
  let inspector: string;
  let caseId: number;
  beforeEach(async () => {
    caseId = await mugReturn(database(), dir);
    inspector = await tokenFor(database(), 'inspector');
  });

  const as = (token: string, ifMatch?: string) => ({ authorization: `Bearer ${token}`, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) });
  const url = (path = '', account = 1, id = caseId) => `/api/accounts/${account}/returns/${id}${path}`;
  const receive = (token: string, ifMatch: string | undefined, payload: object = { outerBox: 'intact', receivedBy: 'Li Wei' }) =>
    server.app().inject({ method: 'POST', url: url('/receipts'), headers: as(token, ifMatch), payload });
  const inspect = (token: string, ifMatch: string, parts: readonly Part[], app: FastifyInstance = server.app()) => {
    const form = multipart(parts);
    return app.inject({ method: 'POST', url: url('/inspections'), headers: { ...as(token, ifMatch), ...form.headers }, payload: form.payload });
  };
  const route = (token: string, ifMatch: string, payload: object) => server.app().inject({ method: 'POST', url: url('/dispositions'), headers: as(token, ifMatch), payload });
  const download = (token: string, sha256: string, account = 1, range?: string) =>
    server.app().inject({ method: 'GET', url: `/api/accounts/${account}/evidence/${sha256}`, headers: { ...as(token), ...(range ? { range } : {}) } });

  it('scans, receives, inspects with a photo, serves it back byte for byte and records the route, each change audited', async () => {
    const scan = await server.app().inject({ method: 'GET', url: `/api/accounts/1/cases/lookup?identifier=RMA-${orderId}`, headers: as(inspector) });
    expect([scan.statusCode, scan.headers.etag, scan.json()]).toEqual([200, '"1"', { case: expect.objectContaining({ id: caseId, status: 'requested' }), matchedOn: 'rma_id' }]);

    const received = await receive(inspector, '"1"');
    expect([received.statusCode, received.headers.etag]).toEqual([201, '"2"']);
    expect(received.json()).toMatchObject({ caseId, matchedOn: 'case_id', outerBox: 'intact', receivedBy: 'Li Wei', status: 'received', version: 2, deadlines: [{ ruleId: 'refund-after-receipt' }] });

    const bytes = png(0x20);
    const inspected = await inspect(inspector, '"2"', [answers(), photo('front.png', bytes)]);
    expect([inspected.statusCode, inspected.headers.etag]).toEqual([201, '"3"']);
    const sha256 = inspected.json().evidence[0].sha256 as string;
    expect(inspected.json()).toMatchObject({
      grade: 'used_very_good', status: 'inspected', version: 3, suggestion: { route: 'sell_as_used', currency: 'USD' }, suggestionNote: null,
      evidence: [{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), kind: 'photo', mediaType: 'image/png', sizeBytes: bytes.length, fileName: 'front.png', created: true }],
    });
    expect(uploadLeftovers(server.scratch)).toEqual([]);

    const list = await server.app().inject({ method: 'GET', url: url('/evidence'), headers: as(inspector) });
    expect(list.json()).toEqual({ items: [expect.objectContaining({ sha256, mediaType: 'image/png', fileName: 'front.png', uploadedBy: 'as-inspector-1', uploadedAt: '2026-03-06T16:00:00.000Z' })], total: 1, limit: 100, offset: 0 });

    const file = await download(inspector, sha256.toUpperCase());
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, bytes)).toBe(0);
    expect(file.headers).toMatchObject({
      'content-type': 'image/png', 'content-length': String(bytes.length), 'x-content-type-options': 'nosniff',
      'content-disposition': 'attachment; filename="front.png"; filename*=UTF-8\'\'front.png', 'content-security-policy': expect.stringMatching(/^default-src 'none';.*sandbox$/),
    });

    const routed = await route(inspector, '"3"', { route: 'sell_as_used' });
    expect([routed.statusCode, routed.headers.etag, routed.json()]).toEqual([201, '"4"', expect.objectContaining({ route: 'sell_as_used', realizedMinor: null, created: true, version: 4 })]);
    const realized = await route(inspector, '"4"', { route: 'sell_as_used', realizedMinor: 1420, decidedBy: 'Li Wei' });
    expect([realized.statusCode, realized.headers.etag, realized.json()]).toEqual([200, '"5"', expect.objectContaining({ realizedMinor: 1420, created: false })]);

    const tokenId = (await database().db.selectFrom('api_tokens').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const audit = await auditOf(database());
    expect(audit.map((e) => [e.action, e.actor])).toEqual(['case.received', 'case.inspected', 'case.disposition', 'case.disposition'].map((a) => [a, `token:${tokenId}`]));
    expect(audit[0]).toMatchObject({ before: { status: 'requested', version: 1 }, after: { status: 'received', version: 2, receivedBy: 'Li Wei', outerBox: 'intact' } });
    expect(audit[1]).toMatchObject({ after: { grade: 'used_very_good', inspectedBy: 'as-inspector-1', evidence: [sha256], version: 3 } });
    expect(audit[3]).toMatchObject({ before: { route: 'sell_as_used', realizedMinor: null, version: 4 }, after: { realizedMinor: 1420, decidedBy: 'Li Wei', version: 5 } });
  });

  it('refuses a change without If-Match (400) or on an older version (409), and writes nothing', async () => {
    const missing = await receive(inspector, undefined);
    expect([missing.statusCode, missing.json().error.message]).toEqual([400, expect.stringContaining('If-Match')]);
    const stale = await receive(inspector, '"7"');
    expect([stale.statusCode, stale.json().error.code, stale.json().error.details]).toEqual([409, 'conflict', expect.objectContaining({ expectedVersion: 7, version: 1 })]);
    expect(await count(database(), 'case_receipts')).toBe(0);

    expect((await receive(inspector, '"1"')).statusCode).toBe(201);
    const stored = storedFiles(evidenceDir);
    const staleInspection = await inspect(inspector, '"1"', [answers(), photo('front.png', png(0x21))]);
    expect([staleInspection.statusCode, staleInspection.json().error.code]).toEqual([409, 'conflict']);
    expect([await count(database(), 'inspections'), await count(database(), 'evidence_files'), storedFiles(evidenceDir)]).toEqual([0, 0, stored]);
    expect(uploadLeftovers(server.scratch)).toEqual([]);

    expect((await inspect(inspector, '"2"', [answers()])).statusCode).toBe(201);
    const staleRoute = await route(inspector, '"2"', { route: 'sell_as_used' });
    expect([staleRoute.statusCode, staleRoute.json().error.code]).toEqual([409, 'conflict']);
    expect(await count(database(), 'dispositions')).toBe(0);
    expect((await auditOf(database())).map((e) => e.action)).toEqual(['case.received', 'case.inspected']);
    const read = await server.app().inject({ method: 'GET', url: url(), headers: as(inspector) });
    expect(read.headers.etag).toBe('"3"');
  });

  it('lets a viewer scan and look but change nothing, and keeps receiving from an agent', async () => {
    const viewer = await tokenFor(database(), 'viewer');
    const agent = await tokenFor(database(), 'agent');
    expect((await server.app().inject({ method: 'GET', url: `/api/accounts/1/cases/lookup?identifier=${orderId}`, headers: as(viewer) })).json().matchedOn).toBe('order_id');
    expect((await server.app().inject({ method: 'GET', url: url('/evidence'), headers: as(viewer) })).statusCode).toBe(200);
    for (const token of [viewer, agent]) expect((await receive(token, '"1"')).statusCode).toBe(403);
    expect((await receive(inspector, '"1"')).statusCode).toBe(201);
    expect((await inspect(viewer, '"2"', [answers(), photo('front.png', png(0x22))])).statusCode).toBe(403);
    expect((await inspect(inspector, '"2"', [answers()])).statusCode).toBe(201);
    expect((await route(viewer, '"3"', { route: 'sell_as_used' })).statusCode).toBe(403);
    expect([await count(database(), 'case_receipts'), await count(database(), 'inspections'), await count(database(), 'dispositions')]).toEqual([1, 1, 0]);
  });

  it('answers where the unit stands and what its checklist asks, before and after each step, with the case\'s ETag', async () => {
    const viewer = await tokenFor(database(), 'viewer');
    const sheet = () => server.app().inject({ method: 'GET', url: url('/checklist'), headers: as(viewer) });
    const before = await sheet();
    expect([before.statusCode, before.headers.etag]).toEqual([200, '"1"']);
    expect(before.json()).toEqual({
      caseId, version: 1, sku: 'MUG-1', productCategory: 'kitchen',
      requiredItems: ['unitPresent', 'outerBox', 'matchesListing', 'retailPackaging', 'seal', 'accessoriesMissing', 'signsOfUse', 'damage'],
      expectedAccessories: [], receipt: null, inspection: null, evidenceLimits: { maxPhotoBytes: 20 * 1024 * 1024, maxVideoBytes: 500 * 1024 * 1024 },
    });
    await receive(inspector, '"1"');
    const received = (await sheet()).json();
    expect([received.version, received.receipt, received.inspection]).toEqual([2, { id: expect.any(Number), receivedAt: '2026-03-06T16:00:00.000Z', receivedBy: 'Li Wei', outerBox: 'intact', note: null }, null]);
    await inspect(inspector, '"2"', [answers()]);
    const inspected = (await sheet()).json();
    expect([inspected.version, inspected.inspection]).toEqual([3, expect.objectContaining({ receiptId: received.receipt.id, grade: 'used_very_good', inspectedBy: expect.any(String) })]);
    const rule = inspectionRules.find((r) => r.id === inspected.inspection.ruleId)!;
    expect(inspected.inspection.rule).toEqual({ en: rule.en, zh: rule.zh });
  });

  it('asks an electronics product\'s function test and serial, and names the accessories its product sheet expects; 404 elsewhere', async () => {
    await importProductCsv(database(), dir, 'sku,category,price,weight_g,accessories\nCAM-1,electronics,99.00,500,charger;strap\n', 'US', 'products-cam.csv');
    await importRequests(database(), dir, [{ orderId: '111-0000003-0000003', sku: 'CAM-1', reason: 'CR-DEFECTIVE', orderAmount: '99.00' }]);
    const camera = await caseIdOf(database(), '111-0000003-0000003');
    const answer = await server.app().inject({ method: 'GET', url: url('/checklist', 1, camera), headers: as(inspector) });
    expect(answer.json()).toMatchObject({
      productCategory: 'electronics', expectedAccessories: ['charger', 'strap'],
      requiredItems: ['unitPresent', 'outerBox', 'matchesListing', 'identityMatches', 'retailPackaging', 'seal', 'accessoriesMissing', 'signsOfUse', 'damage', 'functionTest'],
    });
    expect((await server.app().inject({ method: 'GET', url: url('/checklist', 1, 999_999), headers: as(inspector) })).statusCode).toBe(404);
  });

  it('keeps another account\'s evidence out of reach, even by its SHA-256', async () => {
    await database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-03-01T00:00:00.000Z' }).execute();
    const otherCase = await mugReturn(database(), dir, 2, '111-0000002-0000002');
    const otherOwner = await tokenFor(database(), 'owner', 2);
    const headersOf = (ifMatch: string) => as(otherOwner, ifMatch);
    expect((await server.app().inject({ method: 'POST', url: url('/receipts', 2, otherCase), headers: headersOf('"1"'), payload: { outerBox: 'intact' } })).statusCode).toBe(201);
    const form = multipart([answers(), photo('theirs.png', png(0x23))]);
    const theirs = await server.app().inject({ method: 'POST', url: url('/inspections', 2, otherCase), headers: { ...headersOf('"2"'), ...form.headers }, payload: form.payload });
    const sha256 = theirs.json().evidence[0].sha256 as string;
    expect((await download(otherOwner, sha256, 2)).statusCode).toBe(200);

    const owner = await tokenFor(database(), 'owner');
    for (const response of [await download(owner, sha256, 1), await download(owner, sha256, 2), await server.app().inject({ method: 'GET', url: url('/evidence', 1, otherCase), headers: as(owner) })]) {
      expect([response.statusCode, response.json().error.code]).toEqual([404, 'not_found']);
    }
    expect((await server.app().inject({ method: 'GET', url: `/api/accounts/1/cases/lookup?identifier=111-0000002-0000002`, headers: as(owner) })).statusCode).toBe(404);
  });

  it('refuses a page or a text file dressed as a photo, naming it, and stores nothing of the request', async () => {
    expect((await receive(inspector, '"1"')).statusCode).toBe(201);
    const stored = storedFiles(evidenceDir);
    const page = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>\n');
    for (const [name, type, bytes] of [['report.html', 'text/html', page], ['notes.jpg', 'image/jpeg', Buffer.from('The box arrived damaged.\n')]] as const) {
      const refused = await inspect(inspector, '"2"', [answers(), photo('front.png', png(0x24)), photo(name, bytes, type)]);
      expect([refused.statusCode, refused.json().error.message]).toEqual([400, expect.stringMatching(new RegExp(`^"${name}": The evidence file is plain text`))]);
    }
    expect([await count(database(), 'inspections'), storedFiles(evidenceDir), uploadLeftovers(server.scratch)]).toEqual([0, stored, []]);
  });

  it('offers a photo uploaded under another type\'s name with its real extension, and one byte range', async () => {
    expect((await receive(inspector, '"1"')).statusCode).toBe(201);
    const bytes = png(0x25);
    const sha256 = (await inspect(inspector, '"2"', [answers(), { name: 'inspectedBy', value: 'Zhang Min' }, photo('page.html', bytes, 'text/html')])).json().evidence[0].sha256 as string;
    expect((await server.app().inject({ method: 'GET', url: url('/evidence'), headers: as(inspector) })).json().items[0].uploadedBy).toBe('Zhang Min');
    const file = await download(inspector, sha256);
    expect([file.headers['content-type'], file.headers['content-disposition']]).toEqual(['image/png', 'attachment; filename="page.html.png"; filename*=UTF-8\'\'page.html.png']);
    const part = await download(inspector, sha256, 1, 'bytes=0-7');
    expect([part.statusCode, part.headers['content-range'], part.headers['content-length']]).toEqual([206, `bytes 0-7/${bytes.length}`, '8']);
    expect(Buffer.compare(part.rawPayload, bytes.subarray(0, 8))).toBe(0);
    const outside = await download(inspector, sha256, 1, `bytes=${bytes.length}-`);
    expect([outside.statusCode, outside.headers['content-range']]).toEqual([416, `bytes */${bytes.length}`]);
  });

  const routes = (token: string, account = 1, id = caseId) => server.app().inject({ method: 'GET', url: url('/disposition', account, id), headers: as(token) });
  /** What `returndesk disposition ID --json` prints for the case, read through the CLI's service. */
  const cliJson = async (identifier: string) => JSON.parse(JSON.stringify(await dispositionForCase(database(), 1, identifier, '2026-03-06T16:00:00.000Z'))) as unknown;

  it('lists every route of an inspected unit priced, with the best one, as the CLI does; its ETag records the route', async () => {
    expect((await receive(inspector, '"1"')).statusCode).toBe(201);
    expect((await inspect(inspector, '"2"', [answers()])).statusCode).toBe(201);
    const viewer = await tokenFor(database(), 'viewer');
    const listed = await routes(viewer);
    expect([listed.statusCode, listed.headers.etag]).toEqual([200, '"3"']);
    const body = listed.json();
    expect(body).toEqual(await cliJson(String(caseId)));
    expect(body).toMatchObject({ kind: 'inspected', caseId, marketplaceCode: 'US', version: 3, grade: 'used_very_good', inspection: { caseId, inspectedBy: 'as-inspector-1', answers: { damage: 'none' } } });
    expect(body.result.options.map((o: { route: string }) => o.route)).toEqual([...dispositionRoutes]);
    expect(body.result).toMatchObject({ currency: 'USD', atIso: '2026-03-06T16:00:00.000Z', recommended: { route: 'sell_as_used', allowed: true } });
    expect(body.result.options.find((o: { route: string }) => o.route === 'restock_as_new')).toMatchObject({ allowed: false, blockedBy: ['restock-new-only'] });
    expectPricedRoutes(body);

    const recorded = await route(inspector, listed.headers.etag as string, { route: body.result.recommended.route });
    expect([recorded.statusCode, recorded.json()]).toEqual([201, expect.objectContaining({ recommendedRoute: 'sell_as_used', expectedNetMinor: body.result.recommended.netRecoveryMinor })]);
    expect((await routes(viewer)).headers.etag).toBe('"4"');
  });

  it('compares removal, liquidation and disposal for an FBA unit Amazon graded unsellable, and reaches it by case id only', async () => {
    const plate = '900000001';
    const fbaCase = await damagedFbaReturn(database(), dir, plate);
    const listed = await routes(inspector, 1, fbaCase);
    expect([listed.statusCode, listed.headers.etag]).toEqual([200, '"1"']);
    const body = listed.json();
    expect(body).toEqual(await cliJson(String(fbaCase)));
    expect(body).toMatchObject({ kind: 'fba_unsellable', caseId: fbaCase, version: 1, result: { detailedDisposition: 'CUSTOMER_DAMAGED', currency: 'USD' } });
    expect(body).not.toHaveProperty('inspection');
    expect(body.result.options.map((o: { route: string }) => o.route)).toEqual(['remove', 'liquidate', 'dispose']);
    expect(body.result.options[0].components).toContainEqual(expect.objectContaining({ probability: expect.any(Number) }));
    expectPricedRoutes(body);
    // The CLI finds the case by its license plate; the path names case ids only.
    expect(await cliJson(plate)).toEqual(body);
    const byPlate = await routes(inspector, 1, Number(plate));
    expect([byPlate.statusCode, byPlate.json().error.message]).toEqual([404, `There is no return case ${plate}.`]);
  });

  it('answers 409 with the service\'s reason for a unit not inspected, and 404 for another account\'s case', async () => {
    const early = await routes(inspector);
    expect([early.statusCode, early.json().error]).toEqual([409, { code: 'conflict', message: `Case ${caseId} has no inspection: inspect the unit first (returndesk inspect), then choose its route.`, details: { caseId } }]);
    await database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-03-01T00:00:00.000Z' }).execute();
    const otherCase = await mugReturn(database(), dir, 2, '111-0000002-0000002');
    const owner = await tokenFor(database(), 'owner');
    for (const response of [await routes(owner, 1, otherCase), await routes(owner, 2, otherCase)]) expect([response.statusCode, response.json().error.code]).toEqual([404, 'not_found']);
    const invalid = await server.app().inject({ method: 'GET', url: url('/disposition', 1, 0), headers: as(owner) });
    expect([invalid.statusCode, invalid.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'id' })]]);
  });

  it.each([
    ['a box state that is none', () => receive(inspector, '"1"', { outerBox: 'crushed' }), 400, /outerBox/],
    ['a receipt in the future', () => receive(inspector, '"1"', { outerBox: 'intact', receivedAt: '2026-03-07T00:00:00Z' }), 400, /in the future/],
    ['an unknown case', () => server.app().inject({ method: 'POST', url: url('/receipts', 1, 999), headers: as(inspector, '"1"'), payload: { outerBox: 'intact' } }), 404, /no return case 999/],
    ['a scan that names nothing', () => server.app().inject({ method: 'GET', url: '/api/accounts/1/cases/lookup?identifier=RMA-NOPE', headers: as(inspector) }), 404, /No return case matches "RMA-NOPE"/],
    ['a scan of nothing', () => server.app().inject({ method: 'GET', url: '/api/accounts/1/cases/lookup?identifier=%20', headers: as(inspector) }), 400, /identifier/],
    ['an inspection sent as JSON', () => server.app().inject({ method: 'POST', url: url('/inspections'), headers: as(inspector, '"1"'), payload: { answers: unit } }), 400, /multipart\/form-data/],
    ['an inspection without answers', () => inspect(inspector, '"1"', [photo('front.png', png(0x26))]), 400, /answers/],
    ['answers that are not JSON', () => inspect(inspector, '"1"', [{ name: 'answers', value: 'all fine' }]), 400, /not JSON/],
    ['a file outside the evidence field', () => inspect(inspector, '"1"', [answers(), { ...photo('front.png', png(0x27)), name: 'photo' }]), 400, /"evidence" files, not "photo"/],
    ['more files than a form may carry', () => inspect(inspector, '"1"', [answers(), ...Array.from({ length: 31 }, (_, i) => photo(`${i}.png`, png(i)))]), 413, /at most 30 evidence files/],
    ['an evidence id that is no hash', () => download(inspector, '..%2F..%2Fetc%2Fpasswd'), 400, /64 hex digits/],
    ['an unknown route', () => route(inspector, '"1"', { route: 'sell_on_ebay' }), 400, /route/],
  ])('refuses %s with a specific message', async (_what, send, status, message) => {
    const response = await send();
    const { error } = response.json() as { error: { message: string; details: unknown } };
    const said = [error.message, ...(Array.isArray(error.details) ? error.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`) : [])].join(' | ');
    expect([response.statusCode, said]).toEqual([status, expect.stringMatching(message)]);
    expect([await count(database(), 'case_receipts'), await count(database(), 'inspections')]).toEqual([0, 0]);
  });
});

describe.each(testDatabases)('evidence size limits over HTTP on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const scratch = scratchDir();
  const evidenceDir = join(scratch, 'evidence');
  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    const evidence = { directory: evidenceDir, maxPhotoBytes: 1024, maxVideoBytes: 4096 };
    app = await buildServer({ database, logLevel: 'silent', checkResponses: true, evidence, scratchDirectory: scratch, now: () => '2026-03-06T16:00:00.000Z' });
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  it('stops an upload at the photo limit with 413 and stores nothing of the request', async () => {
    await mugReturn(database, scratch);
    const caseId = await caseIdOf(database, orderId);
    const inspector = { authorization: `Bearer ${await tokenFor(database, 'inspector')}` };
    expect((await app.inject({ method: 'POST', url: `/api/accounts/1/returns/${caseId}/receipts`, headers: { ...inspector, 'if-match': '"1"' }, payload: { outerBox: 'intact' } })).statusCode).toBe(201);
    const form = multipart([answers(), photo('small.png', png(0x30)), photo('huge.png', png(0x31, 2000))]);
    const refused = await app.inject({ method: 'POST', url: `/api/accounts/1/returns/${caseId}/inspections`, headers: { ...inspector, 'if-match': '"2"', ...form.headers }, payload: form.payload });
    expect([refused.statusCode, refused.json().error.message]).toEqual([413, expect.stringMatching(/^"huge.png": This photo is .*; photos may be at most /)]);
    expect([await count(database, 'inspections'), storedFiles(evidenceDir), uploadLeftovers(scratch)]).toEqual([0, [], []]);
  });

  it('stops an inspection whose files add up to more than twice the largest one may be, with 413', async () => {
    await mugReturn(database, scratch);
    const caseId = await caseIdOf(database, orderId);
    const inspector = { authorization: `Bearer ${await tokenFor(database, 'inspector')}` };
    expect((await app.inject({ method: 'POST', url: `/api/accounts/1/returns/${caseId}/receipts`, headers: { ...inspector, 'if-match': '"1"' }, payload: { outerBox: 'intact' } })).statusCode).toBe(201);
    // Each photo within the 1 KiB photo limit; nine of them past the 8 KiB a form may carry (twice the 4 KiB video limit).
    const form = multipart([answers(), ...Array.from({ length: 9 }, (_, i) => photo(`${i}.png`, png(0x40 + i, 900)))]);
    const refused = await app.inject({ method: 'POST', url: `/api/accounts/1/returns/${caseId}/inspections`, headers: { ...inspector, 'if-match': '"2"', ...form.headers }, payload: form.payload });
    expect([refused.statusCode, refused.json().error]).toEqual([413, { code: 'too_large', message: expect.stringMatching(/may add up to 8192 bytes; with "8.png"/), details: { limitBytes: 8192 } }]);
    expect([await count(database, 'inspections'), storedFiles(evidenceDir), uploadLeftovers(scratch)]).toEqual([0, [], []]);
  });
});
