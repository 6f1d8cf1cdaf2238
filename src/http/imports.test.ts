import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { fbaReturn, orderLine } from '../../test/prevention-fixtures.js';
import { fbaRow, headers } from '../../test/report-files.js';
import { uploadLimits } from './routes/imports.js';
import { importEvent } from './schemas/imports.js';

// Report files over HTTP: streamed to a private temporary directory, imported by the CLI's service
// into the path's account, the temporary files gone afterwards whatever happened.

interface Part { name: string; filename?: string; content: string | Buffer }
const boundary = '----returndesk-test-boundary';

/** A multipart/form-data body, written out by hand so a test can also cut it short. */
function multipart(parts: readonly Part[]): Buffer {
  const chunks = parts.flatMap((p) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n`
      + (p.filename === undefined ? '\r\n' : 'Content-Type: text/tab-separated-values\r\n\r\n')),
    Buffer.from(p.content), Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

const report = (header: string, rows: readonly (readonly string[])[]) => [header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
const returnsFile = (name = 'returns.txt'): Part => ({ name: 'files', filename: name, content: report(headers.fbaReturns, [fbaReturn(1, 'LAMP', 'DEFECTIVE'), fbaReturn(2, 'MUG', 'UNWANTED_ITEM')]) });
const ordersFile: Part = { name: 'files', filename: 'orders.txt', content: report(headers.allOrders, [orderLine(1, 'LAMP', 1), orderLine(2, 'MUG', 1), orderLine(3, 'MUG', 2)]) };

describe.each(testDatabases)('importing report files over HTTP on $name', (target) => {
  const server = useApiServer(target);
  const limits = { ...uploadLimits };
  afterEach(() => { Object.assign(uploadLimits, limits); });

  const upload = async (parts: readonly Part[] | Buffer, options: { role?: 'owner' | 'manager' | 'agent' | 'viewer'; account?: number; accept?: string } = {}) => server.app().inject({
    method: 'POST', url: `/api/accounts/${options.account ?? 1}/imports`, payload: Buffer.isBuffer(parts) ? parts : multipart(parts),
    headers: {
      authorization: `Bearer ${await tokenFor(server.database(), options.role ?? 'owner')}`, 'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(options.accept ? { accept: options.accept } : {}),
    },
  });
  const count = async (table: 'return_cases' | 'orders' | 'import_runs') => Number((await server.database().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const leftovers = () => readdirSync(server.scratch).filter((name) => name.startsWith('returndesk-import-'));

  it('imports two files of one request into the account, names them as sent, and audits each run', async () => {
    const response = await upload([returnsFile(), ordersFile, { name: 'marketplace', content: 'US' }]);
    expect(response.statusCode).toBe(201);
    const { files } = response.json();
    expect(files).toMatchObject([
      { file: 'returns.txt', reportType: 'fba-returns', marketplace: 'US', rows: 2, inserted: 2, rejected: 0, errors: [] },
      { file: 'orders.txt', reportType: 'all-orders', rows: 3, inserted: 3, rejected: 0 },
    ]);
    expect([await count('return_cases'), await count('orders')]).toEqual([2, 3]);
    const cases = await server.app().inject({ method: 'GET', url: '/api/accounts/1/returns', headers: { authorization: `Bearer ${await tokenFor(server.database(), 'viewer')}` } });
    expect(cases.json().items.map((c: { sku: string }) => c.sku).sort()).toEqual(['LAMP', 'MUG']);
    const audit = await server.database().db.selectFrom('audit_log').select(['actor', 'action', 'subject', 'after']).where('action', '=', 'import.file').orderBy('seq').execute();
    expect(audit.map((a) => [a.action, a.subject, JSON.parse(a.after!).fileName])).toEqual([
      ['import.file', `import_run:${files[0].importRunId}`, 'returns.txt'], ['import.file', `import_run:${files[1].importRunId}`, 'orders.txt'],
    ]);
    expect(audit[0]!.actor).toMatch(/^token:\d+$/);
    expect(leftovers()).toEqual([]);
  });

  it('lands the good rows of a file with bad ones, and reports each bad row with its line and column', async () => {
    const content = report(headers.fbaReturns, [fbaRow({ 'order-id': '112-0000001-0000001' }), fbaRow({ 'order-id': '112-0000002-0000002', quantity: 'x' })]);
    const response = await upload([{ name: 'files', filename: 'bad-rows.txt', content }]);
    expect(response.statusCode).toBe(201);
    expect(response.json().files).toEqual([expect.objectContaining({
      file: 'bad-rows.txt', rows: 2, inserted: 1, rejected: 1, errors: [{ line: 3, column: 'quantity', message: 'quantity "x" is not a whole number' }],
    })]);
    expect(await count('return_cases')).toBe(1);
  });

  it('keeps the good file\'s result beside a file the importer cannot read', async () => {
    const response = await upload([returnsFile(), { name: 'files', filename: 'notes.txt', content: 'just some notes, no report\n' }]);
    expect(response.statusCode).toBe(201);
    expect(response.json().files).toEqual([
      expect.objectContaining({ file: 'returns.txt', inserted: 2 }),
      { file: 'notes.txt', error: { code: 'unreadable_file', message: expect.any(String) } },
    ]);
    expect(await count('return_cases')).toBe(2);
  });

  it('refuses a file over the size limit with 413 naming it and the limit, and imports nothing of the request', async () => {
    uploadLimits.fileBytes = 200;
    const response = await upload([{ name: 'files', filename: 'small.txt', content: 'x' }, returnsFile('too-big.txt')]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'too_large', message: expect.stringMatching(/^too-big\.txt is larger than 200 bytes/) });
    expect([await count('import_runs'), await count('return_cases')]).toEqual([0, 0]);
    expect(leftovers()).toEqual([]);
  });

  it('refuses more files than one request may send with 413', async () => {
    uploadLimits.files = 1;
    const response = await upload([returnsFile('a.txt'), returnsFile('b.txt')]);
    expect([response.statusCode, response.json().error.message]).toEqual([413, 'Send at most 1 files in one request: send the rest in another.']);
    expect(await count('import_runs')).toBe(0);
  });

  it.each([
    ['a body cut short', multipart([returnsFile()]).subarray(0, 200), /^The multipart body could not be read/],
    ['no file at all', [{ name: 'marketplace', content: 'US' }], /^Send at least one report file in the multipart field "files"/],
    ['text where a file is expected', [{ name: 'files', content: 'returns' }], /^The field "files" must hold files/],
    ['a file in another field', [{ ...returnsFile(), name: 'report' }], /^Send report files in the field "files", not "report"/],
    ['an unknown field', [returnsFile(), { name: 'dryRun', content: 'yes' }], /^Unknown field "dryRun"/],
    ['an unknown marketplace', [returnsFile(), { name: 'marketplace', content: 'XX' }], /^Unknown marketplace "XX"/],
    ['an unknown encoding', [returnsFile(), { name: 'encoding', content: 'ebcdic' }], /^Unknown encoding "ebcdic"/],
  ] as const)('refuses %s with 400 and imports nothing', async (_case, parts, message) => {
    const response = await upload(parts as Part[] | Buffer);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'invalid_input']);
    expect(response.json().error.message).toMatch(message);
    expect(await count('import_runs')).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a report type it does not know, naming the ones it does', async () => {
    const response = await upload([returnsFile(), { name: 'type', content: 'returns' }]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'type', message: expect.stringContaining('fba-returns, mfn-returns') }]);
  });

  it('refuses a body that is not multipart', async () => {
    const response = await server.app().inject({ method: 'POST', url: '/api/accounts/1/imports', payload: { files: [] }, headers: { authorization: `Bearer ${await tokenFor(server.database(), 'owner')}` } });
    expect([response.statusCode, response.json().error.message]).toEqual([400, 'Send the report files as multipart/form-data, in the field "files".']);
  });

  it('streams received, progress and result events, then a summary, with Accept: application/x-ndjson', async () => {
    const response = await upload([returnsFile(), ordersFile], { accept: 'application/x-ndjson' });
    expect([response.statusCode, response.headers['content-type'], response.headers['x-content-type-options']]).toEqual([200, 'application/x-ndjson; charset=utf-8', 'nosniff']);
    const events = response.body.trimEnd().split('\n').map((line) => importEvent.parse(JSON.parse(line)));
    expect(events.filter((e) => e.type === 'received')).toEqual([
      { type: 'received', file: 'returns.txt', bytes: Buffer.byteLength(returnsFile().content) }, { type: 'received', file: 'orders.txt', bytes: Buffer.byteLength(ordersFile.content) },
    ]);
    expect(events.filter((e) => e.type === 'progress').map((e) => e.file)).toEqual(['returns.txt', 'orders.txt']);
    expect(events.filter((e) => e.type === 'result')).toMatchObject([{ file: 'returns.txt', inserted: 2 }, { file: 'orders.txt', inserted: 3 }]);
    expect(events.at(-1)).toMatchObject({ type: 'summary', files: [{ file: 'returns.txt' }, { file: 'orders.txt' }] });
    expect(leftovers()).toEqual([]);
  });

  it('tells a failure after the status in the stream as an error line', async () => {
    uploadLimits.fileBytes = 200;
    const response = await upload([returnsFile()], { accept: 'application/x-ndjson' });
    expect(response.statusCode).toBe(200);
    const events = response.body.trimEnd().split('\n').map((line) => importEvent.parse(JSON.parse(line)));
    expect(events).toEqual([{ type: 'error', error: { code: 'too_large', message: expect.stringMatching(/^returns\.txt is larger than 200 bytes/), details: { limitBytes: 200 } } }]);
    expect(await count('import_runs')).toBe(0);
  });

  it('keeps a path in a file name as a display name only', async () => {
    const response = await upload([returnsFile('../../evil.txt')]);
    expect(response.statusCode).toBe(201);
    expect(response.json().files[0]).toMatchObject({ file: 'evil.txt', inserted: 2 });
    for (const dir of [server.scratch, dirname(server.scratch), dirname(dirname(server.scratch))]) expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
    const runs = await server.app().inject({ method: 'GET', url: '/api/accounts/1/imports', headers: { authorization: `Bearer ${await tokenFor(server.database(), 'viewer')}` } });
    expect(runs.json().items.map((r: { fileName: string }) => r.fileName)).toEqual(['evil.txt']);
    expect(leftovers()).toEqual([]);
  });

  it('leaves uploads to those who import: a viewer and an agent get 403, another account\'s path 404', async () => {
    for (const role of ['viewer', 'agent'] as const) expect((await upload([returnsFile()], { role })).statusCode).toBe(403);
    await server.database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-11-27T00:00:00.000Z' }).execute();
    const other = await upload([returnsFile()], { account: 2 });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);
    expect(await count('import_runs')).toBe(0);
  });

  it('imports into the account of the path', async () => {
    await server.database().db.insertInto('seller_accounts').values({ name: 'Second shop', created_at: '2026-11-27T00:00:00.000Z' }).execute();
    const token = await tokenFor(server.database(), 'manager', 2);
    const response = await server.app().inject({
      method: 'POST', url: '/api/accounts/2/imports', payload: multipart([returnsFile()]),
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(response.statusCode).toBe(201);
    const accounts = await server.database().db.selectFrom('return_cases').select('account_id').distinct().execute();
    expect(accounts).toEqual([{ account_id: 2 }]);
  });
});

describe.each(testDatabases)('the import history and the demo over HTTP on $name', (target) => {
  const server = useApiServer(target);
  const get = async (url: string) => server.app().inject({ method: 'GET', url, headers: { authorization: `Bearer ${await tokenFor(server.database(), 'viewer')}` } });
  const postDemo = async (payload?: object) => server.app().inject({
    method: 'POST', url: '/api/accounts/1/demo', headers: { authorization: `Bearer ${await tokenFor(server.database(), 'owner')}` }, ...(payload ? { payload } : {}),
  });

  it('loads the demo into the account, audits it, and lists its runs newest first, paged', async () => {
    const response = await postDemo({});
    expect(response.statusCode).toBe(201);
    const files = response.json().files as Array<{ file: string; reportType: string; rejected: number; error?: unknown }>;
    expect(files.filter((f) => f.error !== undefined)).toEqual([]);
    expect(new Set(files.map((f) => f.reportType))).toEqual(new Set(['product-sheet', 'all-orders', 'fba-returns', 'mfn-returns', 'reimbursements', 'removals', 'settlement']));
    expect(files.every((f) => !f.file.includes('/'))).toBe(true);
    const cases = await get('/api/accounts/1/returns?limit=1');
    expect(cases.json().total).toBeGreaterThan(100);
    const audited = await server.database().db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'import.file').executeTakeFirstOrThrow();
    // Every file's run, the product sheet's included.
    expect(Number(audited.n)).toBe(files.length);

    const all = (await get('/api/accounts/1/imports?limit=200')).json();
    expect(all.items).toHaveLength(files.length);
    expect(all.items[0].id).toBeGreaterThan(all.items[1].id);
    const page = (await get('/api/accounts/1/imports?limit=2&offset=1')).json();
    expect([page.limit, page.offset, page.items.map((r: { id: number }) => r.id)]).toEqual([2, 1, all.items.slice(1, 3).map((r: { id: number }) => r.id)]);
    expect([all.total, page.total]).toEqual([files.length, files.length]);
  }, 120_000);

  it('wants a JSON body, {} for the defaults, and a whole-number seed', async () => {
    expect((await postDemo()).json().error.message).toBe('Send a JSON body: {} loads the demo with seed 42, {"seed": n} another one.');
    const bad = await postDemo({ seed: 'forty-two' });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'seed']);
  });

  it('refuses a bad page with 400', async () => {
    const response = await get('/api/accounts/1/imports?limit=0');
    expect([response.statusCode, response.json().error.details[0].path]).toEqual([400, 'limit']);
  });
});
