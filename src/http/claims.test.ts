import { readdirSync, watch, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fromBuffer } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { importedAt } from '../../test/decision-fixtures.js';
import { fixtures } from '../../test/evidence-fixtures.js';
import { headers, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { addAccount } from '../services/accounts.js';
import { defaultEvidenceStoreConfig } from '../services/evidence-store.js';
import { importReportFile } from '../services/import-reports.js';
import { inspectReturn } from '../services/inspect-return.js';
import type { Database } from '../services/open-database.js';
import { receiveReturn } from '../services/receive-return.js';
import { reconcileClaims } from '../services/reconcile-claims.js';

// A US seller-fulfilled order Amazon refunded at the first scan ($89.00); the parcel came back empty,
// photographed. Reconciled over HTTP on 20 March 2026, it is a SAFE-T claim whose 30-day window runs
// from the delivery on 9 March.

const now = '2026-03-20T00:00:00.000Z';
const orderId = '113-0000001-0000001';

describe.each(testDatabases)('claims over HTTP on $name', (target) => {
  const server = useApiServer(target, now);
  const app = () => server.app();
  const database = () => server.database();
  const files = scratchDir();
  const store = { ...defaultEvidenceStoreConfig, directory: join(server.scratch, 'evidence') };

  /** The empty parcel of `order` imported, received and inspected (with a photo) in `accountId`. */
  async function emptyParcel(db: Database, order = orderId, accountId = 1): Promise<void> {
    const rma = `RMA-${order}`;
    const row = rowOf(headers.mfnReturns, {
      'Order ID': order, 'Return request date': '2026-03-02T10:00:00+00:00', 'Return request status': 'Completed', 'Amazon RMA ID': rma,
      'Currency code': 'USD', 'Merchant SKU': 'CAM-1', 'Item Name': 'Action camera', 'Return quantity': '1', 'Return Reason': 'CR-UNWANTED_ITEM',
      'In policy': 'Y', Resolution: 'RefundAtFirstScan', 'Order Amount': '89.00', 'Order quantity': '1', 'Refunded Amount': '89.00',
      'Return delivery date': '2026-03-09T15:00:00+00:00',
    }, ' ');
    await importReportFile(db, writeReport(files, `mfn-${order}.txt`, headers.mfnReturns, [row]), { accountId, marketplace: 'US', now: importedAt });
    await receiveReturn(db, accountId, { identifier: rma, receivedBy: 'Li Wei', outerBox: 'opened_resealed', receivedAt: '2026-03-09T16:00:00Z' }, '2026-03-09T16:00:00.000Z');
    const photo = join(files, `empty-box-${order}.jpg`);
    writeFileSync(photo, fixtures.jpeg(`empty box ${order}`));
    await inspectReturn(db, accountId, { identifier: rma, inspectedBy: 'Zhang Min', answers: { unitPresent: 'no', outerBox: 'opened_resealed' }, evidenceFiles: [photo] }, store, '2026-03-09T17:00:00.000Z');
  }

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const reconcile = async (token: string) => app().inject({ method: 'POST', url: '/api/accounts/1/claims/reconcile', headers: as(token) });
  const setStatus = (token: string, id: number, payload: unknown) => app().inject({ method: 'POST', url: `/api/accounts/1/claims/${id}/status`, headers: as(token), payload: payload as object });
  const claimsOf = async (token: string, query = '') => app().inject({ method: 'GET', url: `/api/accounts/1/claims${query}`, headers: as(token) });
  const tokenIdOf = async (role: string) => (await database().db.selectFrom('api_tokens').select('id').where('name', '=', `${role} test`).executeTakeFirstOrThrow()).id;
  const auditOf = async (prefix: string) => (await database().db.selectFrom('audit_log').select(['actor', 'action', 'subject', 'after']).where('action', 'like', `${prefix}%`).orderBy('seq').execute());
  const packetFolders = () => readdirSync(server.scratch).filter((name) => name.startsWith('claim-packet-'));

  /** The claim reconciled over HTTP by an agent: its id and the agent's token. */
  async function openClaim(): Promise<{ id: number; agent: string }> {
    await emptyParcel(database());
    const agent = await tokenFor(database(), 'agent');
    expect((await reconcile(agent)).statusCode).toBe(200);
    const listed = await claimsOf(agent);
    return { id: (listed.json().items as { id: number }[])[0]!.id, agent };
  }

  it('reconciles, then lists the candidate with its deadline, the amount owed and the month totals', async () => {
    await emptyParcel(database());
    const agent = await tokenFor(database(), 'agent');
    const run = await reconcile(agent);
    expect([run.statusCode, run.json()]).toEqual([200, { ordersRead: 1, found: 1, newClaims: 1, removed: 0, expired: 0, problems: [] }]);
    expect(await auditOf('claims.')).toEqual([{ actor: `token:${await tokenIdOf('agent')}`, action: 'claims.reconcile', subject: 'account:1', after: expect.stringContaining('"found":1') }]);

    const viewer = await tokenFor(database(), 'viewer');
    const listed = await claimsOf(viewer);
    expect(listed.statusCode).toBe(200);
    const body = listed.json();
    expect(body).toMatchObject({ total: 1, limit: 50, offset: 0, totals: [{ month: '2026-03', currency: 'USD', owedMinor: 8900, filedMinor: 0, recoveredMinor: 0, expiredMinor: 0 }] });
    expect(body.items).toEqual([expect.objectContaining({
      kind: 'safet', status: 'open', marketplace: 'US', orderId, sku: 'CAM-1', units: 1, owedMinor: 8900, currency: 'USD', recoveredMinor: null,
      window: { ruleId: 'safet-filing', fromIso: '2026-03-09T15:00:00.000Z', opensAt: expect.any(String), closesAt: expect.stringMatching(/^2026-04-0[89]T/) },
    })]);
    expect((await claimsOf(viewer, '?status=filed')).json()).toMatchObject({ items: [], total: 0 });
    expect((await claimsOf(viewer, '?limit=1&offset=1')).json()).toMatchObject({ items: [], total: 1, limit: 1, offset: 1 });
  });

  it('shows one claim with its proof, evidence, history and claim text', async () => {
    const { id, agent } = await openClaim();
    const shown = await app().inject({ method: 'GET', url: `/api/accounts/1/claims/${id}`, headers: as(agent) });
    expect(shown.statusCode).toBe(200);
    const claim = shown.json();
    expect(claim).toMatchObject({ id, events: [], text: { subject: expect.stringContaining(orderId), body: expect.stringContaining('$89.00') } });
    expect(claim.evidence).toEqual([expect.objectContaining({ kind: 'photo', mediaType: 'image/jpeg', fileName: `empty-box-${orderId}.jpg` })]);
    expect(claim.proof.map((p: { source: string }) => p.source)).toContain('mfn_returns');
  });

  it('records the claim filed, then won with the amount, each with an audit entry naming the token', async () => {
    const { id, agent } = await openClaim();
    const filed = await setStatus(agent, id, { status: 'filed', note: 'Case 1234 opened' });
    expect([filed.statusCode, filed.json()]).toEqual([200, expect.objectContaining({ id, status: 'filed', filedAt: now, recoveredMinor: null })]);
    const won = await setStatus(agent, id, { status: 'won', amountMinor: 8900 });
    expect([won.statusCode, won.json()]).toEqual([200, expect.objectContaining({ status: 'won', recoveredMinor: 8900, resolvedAt: now })]);

    const actor = `token:${await tokenIdOf('agent')}`;
    const entries = await auditOf('claim.');
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([[actor, 'claim.filed', `claim:${id}`], [actor, 'claim.won', `claim:${id}`]]);
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ status: 'won', recoveredMinor: 8900, amountMinor: 8900, currency: 'USD' });
    const shown = (await app().inject({ method: 'GET', url: `/api/accounts/1/claims/${id}`, headers: as(agent) })).json();
    expect(shown.events).toEqual([
      { kind: 'filed', amountMinor: null, note: 'Case 1234 opened', recordedBy: actor, recordedAt: now },
      { kind: 'won', amountMinor: 8900, note: null, recordedBy: actor, recordedAt: now },
    ]);
    const totals = (await claimsOf(agent)).json().totals;
    expect(totals).toEqual([{ month: '2026-03', currency: 'USD', owedMinor: 8900, filedMinor: 8900, recoveredMinor: 8900, expiredMinor: 0 }]);

    const again = await setStatus(agent, id, { status: 'filed' });
    expect([again.statusCode, again.json().error.code, again.json().error.message]).toEqual([409, 'conflict', expect.stringContaining('The claim is won')]);
    expect(await auditOf('claim.')).toHaveLength(2);
    const owner = await tokenFor(database(), 'owner');
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/audit/verify', headers: as(owner) })).json()).toMatchObject({ broken: null });
  });

  it('lets one of several decisions sent at once land; the others find the claim decided (409)', async () => {
    const { id, agent } = await openClaim();
    expect((await setStatus(agent, id, { status: 'filed' })).statusCode).toBe(200);
    const decisions = Array.from({ length: 6 }, (_, i) => setStatus(agent, id, i % 2 ? { status: 'lost' } : { status: 'won', amountMinor: 8900 }));
    const statuses = (await Promise.all(decisions)).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await auditOf('claim.')).toHaveLength(2);
    const events = await database().db.selectFrom('claim_events').select('kind').where('claim_id', '=', id).execute();
    expect(events).toHaveLength(2);
  });

  it('refuses a viewer the status and reconcile routes, and writes nothing', async () => {
    const { id } = await openClaim();
    const viewer = await tokenFor(database(), 'viewer');
    const refused = await setStatus(viewer, id, { status: 'filed' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'forbidden']);
    expect((await reconcile(viewer)).statusCode).toBe(403);
    expect((await claimsOf(viewer)).json().items[0].status).toBe('open');
    expect(await auditOf('claim')).toHaveLength(1);
  });

  it('refuses a status without an amount won, a negative or fractional amount, an unknown status or field with 400 naming it, and writes nothing', async () => {
    const { id, agent } = await openClaim();
    const cases = [
      [{ status: 'won' }, 'amountMinor'], [{ status: 'won', amountMinor: -1 }, 'amountMinor'], [{ status: 'won', amountMinor: 24.99 }, 'amountMinor'],
      [{ status: 'pending' }, 'status'], [{ status: 'lost', by: 'Mei' }, ''], [undefined, ''],
    ] as const;
    for (const [payload, path] of cases) {
      const refused = await setStatus(agent, id, payload);
      expect([payload, refused.statusCode, refused.json().error.code]).toEqual([payload, 400, 'invalid_input']);
      expect(refused.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    expect(await auditOf('claim.')).toEqual([]);
    expect((await claimsOf(agent)).json().items[0].status).toBe('open');
  });

  it('says 400 for a bad list query and 404 for a claim that does not exist', async () => {
    const { agent } = await openClaim();
    const bad = await claimsOf(agent, '?status=pending');
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'status']);
    expect((await claimsOf(agent, '?limit=0')).statusCode).toBe(400);
    const missing = await app().inject({ method: 'GET', url: '/api/accounts/1/claims/999', headers: as(agent) });
    expect([missing.statusCode, missing.json().error.message]).toEqual([404, 'There is no claim 999.']);
    expect((await setStatus(agent, 999, { status: 'filed' })).statusCode).toBe(404);
  });

  it('downloads the packet as an attachment: a real ZIP holding what its manifest lists, the photo included; no temporary file is left', async () => {
    const { id } = await openClaim();
    const viewer = await tokenFor(database(), 'viewer');
    // The packet is written under the server's scratch directory, in a folder of its own, removed after.
    const made: string[] = [];
    const watcher = watch(server.scratch, (_event, name) => { if (name) made.push(name); });
    const response = await app().inject({ method: 'GET', url: `/api/accounts/1/claims/${id}/packet`, headers: as(viewer) });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'application/zip', 'content-disposition': `attachment; filename="claim-${id}.zip"; filename*=UTF-8''claim-${id}.zip`,
      'x-content-type-options': 'nosniff', 'content-length': String(response.rawPayload.length),
    });
    const entries = await unzip(response.rawPayload);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { claim: { orderId: string; owedMinor: number }; files: { path: string; sizeBytes: number }[] };
    expect(manifest.claim).toMatchObject({ orderId, owedMinor: 8900 });
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['claim.txt', 'summary.html', 'report-lines.tsv', expect.stringMatching(/^evidence\/[0-9a-f]{12}-empty-box-/)]));
    for (const file of manifest.files) expect(entries.get(file.path)?.length).toBe(file.sizeBytes);
    const photo = manifest.files.find((f) => f.path.startsWith('evidence/'))!.path;
    expect(entries.get(photo)!.equals(Buffer.from(fixtures.jpeg(`empty box ${orderId}`)))).toBe(true);
    await vi.waitFor(() => expect(packetFolders()).toEqual([]));
    watcher.close();
    expect(made).toEqual(expect.arrayContaining([expect.stringMatching(/^claim-packet-/)]));
  });

  it('removes the temporary packet when the packet fails, and when the client goes away mid-download', async () => {
    const { id, agent } = await openClaim();
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/claims/999/packet', headers: as(agent) })).statusCode).toBe(404);
    expect(packetFolders()).toEqual([]);
    await app().listen({ port: 0, host: '127.0.0.1' });
    const { port } = app().server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const request = get({ host: '127.0.0.1', port, path: `/api/accounts/1/claims/${id}/packet`, headers: as(agent) }, (response) => {
        expect(response.statusCode).toBe(200);
        request.destroy();
        resolve();
      });
      request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
    });
    await vi.waitFor(() => expect(packetFolders()).toEqual([]));
  });

  it('never shows another seller account\'s claim: 404 from account 1\'s paths, and account 2\'s paths are 404 to account 1', async () => {
    await addAccount(database(), 'Second shop', 'test', now);
    await emptyParcel(database(), '113-0000002-0000002', 2);
    await reconcileClaims(database(), 2, now);
    const other = await database().db.selectFrom('claims').select('id').where('account_id', '=', 2).executeTakeFirstOrThrow();
    const owner = await tokenFor(database(), 'owner');
    for (const [method, url] of [['GET', `/api/accounts/1/claims/${other.id}`], ['GET', `/api/accounts/1/claims/${other.id}/packet`], ['GET', '/api/accounts/2/claims'], ['POST', '/api/accounts/2/claims/reconcile']] as const) {
      const response = await app().inject({ method, url, headers: as(owner) });
      expect([url, response.statusCode]).toEqual([url, 404]);
    }
    expect((await setStatus(owner, other.id, { status: 'filed' })).statusCode).toBe(404);
    expect((await claimsOf(owner)).json()).toMatchObject({ items: [], total: 0, totals: [] });
    expect((await database().db.selectFrom('claims').select('status').where('id', '=', other.id).executeTakeFirstOrThrow()).status).toBe('open');
  });
});

/** Every entry of a ZIP, by name, read with yauzl (an independent reader). */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error: Error | null, zip: ZipFile) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => zip.openReadStream(entry, (streamError, stream) => {
        if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => { entries.set(entry.fileName, Buffer.concat(chunks)); zip.readEntry(); });
      }));
      zip.readEntry();
    });
  });
}
