import { describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fbaRow, headers, writeReport } from '../../test/report-files.js';
import { openDatabase } from '../services/open-database.js';
import { runCli } from './main.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';

// The CLI runs in-process against a SQLite file of its own per test (--database).

const cli = useCliSandbox();

const run = (...args: string[]) => runCli(['node', 'returndesk', ...args]);
/** Everything the command printed on stdout, through console.log or directly. */
const printed = () => [...cli.log.mock.calls.map((c) => `${c.join(' ')}\n`), ...cli.stdout.mock.calls.map((c) => String(c[0]))].join('');

async function countRows(table: 'import_runs' | 'return_cases' | 'return_case_events'): Promise<number> {
  const { database } = await openDatabase(cli.location);
  try {
    const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

const documentedFields = ['file', 'reportType', 'encoding', 'rows', 'inserted', 'updated', 'unchanged', 'rejected', 'unmapped', 'errors'];

describe('returndesk import', () => {
  it('prints exactly one JSON document with the documented fields and exits 0', async () => {
    const file = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [
      fbaRow(),
      fbaRow({ 'order-id': '112-0000002-0000002', 'license-plate-number': 'LPN2', reason: 'CR-SOMETHING_NEW' }),
      fbaRow({ 'order-id': '112-0000003-0000003', quantity: 'x' }),
    ]);
    expect(await run('import', file, '--json', '--database', cli.location)).toBe(0);
    expect(cli.log).toHaveBeenCalledTimes(1);
    expect(cli.stdout).not.toHaveBeenCalled();
    const document = JSON.parse(String(cli.log.mock.calls[0]![0])) as { files: Array<Record<string, unknown>> };
    expect(Object.keys(document)).toEqual(['files']);
    expect(document.files).toHaveLength(1);
    expect(Object.keys(document.files[0]!).slice(0, documentedFields.length)).toEqual(documentedFields);
    expect(document.files[0]).toMatchObject({
      file, reportType: 'fba-returns', encoding: 'utf-8', rows: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1, unmapped: 1,
      errors: [{ line: 4, column: 'quantity', message: 'quantity "x" is not a whole number' }],
    });
    expect(await countRows('return_cases')).toBe(2);
  });

  it('prints a readable summary without --json', async () => {
    const file = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [fbaRow(), fbaRow({ 'order-id': '112-0000003-0000003', quantity: '0' })]);
    expect(await run('import', file, '--database', cli.location)).toBe(0);
    expect(printed()).toContain('✓ fba.txt: fba-returns (utf-8, marketplace US)');
    expect(printed()).toContain('2 rows: 1 new, 0 updated, 0 unchanged, 1 rejected');
    expect(printed()).toContain('line 3, column quantity: quantity 0 is below the minimum 1');
  });

  it('exits 2 for a refused file and writes nothing', async () => {
    const file = join(cli.dir, 'photo.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(await run('import', file, '--json', '--database', cli.location)).toBe(2);
    expect(cli.log).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(cli.log.mock.calls[0]![0]))).toEqual({
      files: [{ file, error: { code: 'unreadable_file', message: expect.stringMatching(/looks binary.*PNG/) } }],
    });
    expect(await countRows('import_runs')).toBe(0);
    expect(await countRows('return_cases')).toBe(0);
  });

  it('imports the good file and exits 2 when another file of the same command is refused', async () => {
    const good = writeReport(cli.dir, 'good.txt', headers.fbaReturns, [fbaRow()]);
    const missing = join(cli.dir, 'missing.txt');
    expect(await run('import', good, missing, '--json', '--database', cli.location)).toBe(2);
    const { files } = JSON.parse(String(cli.log.mock.calls[0]![0])) as { files: Array<Record<string, unknown>> };
    expect(files[0]).toMatchObject({ file: good, inserted: 1 });
    expect(files[1]).toEqual({ file: missing, error: { code: 'unreadable_file', message: `There is no file at ${missing}.` } });
    expect(await countRows('import_runs')).toBe(1);
  });

  it('honours --encoding and --type', async () => {
    const file = writeReport(cli.dir, 'jp.txt', headers.fbaReturns, [fbaRow({ 'product-name': '颱風' })], { encoding: 'shift_jis' });
    expect(await run('import', file, '--json', '--encoding', 'cp932', '--type', 'fba-returns', '--marketplace', 'JP', '--database', cli.location)).toBe(0);
    expect(JSON.parse(String(cli.log.mock.calls[0]![0])).files[0]).toMatchObject({ encoding: 'shift_jis', marketplace: 'JP', inserted: 1 });
  });

  it('exits 2 for an unknown --type without touching the database', async () => {
    const file = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [fbaRow()]);
    expect(await run('import', file, '--type', 'nonsense', '--database', cli.location)).toBe(2);
    expect(cli.log).not.toHaveBeenCalled();
  });
});

describe('returndesk db migrate and --help', () => {
  it('applies the migrations to a new database, then finds it up to date', async () => {
    expect(await run('db', 'migrate', '--database', cli.location)).toBe(0);
    expect(cli.log).toHaveBeenLastCalledWith(`SQLite ${cli.location}: applied 20261127T1100-initial, 20261127T1300-policies, 20261127T1500-case-outcomes, 20261127T1700-inspections, 20261127T1900-claims, 20261127T2100-claims-read-indexes, 20261128T0900-prevention, 20261128T1100-prevention-cost-rollup, 20261128T1300-access, 20261128T1500-work-queue, 20261128T1600-read-indexes, 20261128T1700-amazon-connections.`);
    expect(await run('db', 'migrate', '--database', cli.location)).toBe(0);
    expect(cli.log).toHaveBeenLastCalledWith(`SQLite ${cli.location} is up to date.`);
    expect(await countRows('import_runs')).toBe(0);
  });

  it.each([
    [['--help'], /Usage: returndesk[\s\S]*\n\s+db\b[\s\S]*\n\s+import\b/],
    [['import', '--help'], /Usage: returndesk import[\s\S]*--encoding[\s\S]*--json/],
    [['db', 'migrate', '--help'], /Usage: returndesk db migrate[\s\S]*--database/],
  ])('prints help for %j and exits 0', async (args, usage) => {
    expect(await run(...args)).toBe(0);
    expect(printed()).toMatch(usage);
  });
});

describe('returndesk serve', () => {
  it('says on its first start how to create the owner, since there is no default password', async () => {
    const running = runCli(['node', 'returndesk', 'serve', '--port', '0', '--database', cli.location]);
    await vi.waitFor(() => expect(cli.log.mock.calls.flat().join('\n')).toContain('ReturnDesk is running at'), { timeout: 10_000 });
    const printedLines = cli.log.mock.calls.flat().join('\n');
    expect(printedLines).toMatch(/No users yet, and there is no default password\. Create the owner on the first-run page at http:\/\/127\.0\.0\.1:\d+\/ with the setup code [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(printedLines).toContain(`or here: returndesk user add NAME --role owner --database ${cli.location}`);
    // The code printed is the one this server takes on its first-run page.
    const [, url, setupCode] = /first-run page at (\S+)\/ with the setup code (\S+)/.exec(printedLines)!;
    const created = await fetch(`${url}/api/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ setupCode, username: 'mei', password: 'mei passphrase 1' }),
    });
    expect(created.status).toBe(201);
    process.emit('SIGINT');
    expect(await running).toBe(0);
  });

  it.each(['0.0.0.0', '192.168.1.10', '::', '127.evil.example.com'])('refuses to listen on %s without an HTTPS public address (exit 2)', async (host) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runCli(['node', 'returndesk', 'serve', '--host', host, '--database', ':memory:'])).toBe(2);
      expect(errors.mock.calls.flat().join(' ')).toMatch(/only behind an HTTPS reverse proxy: its login cookie must never travel in clear text.*RETURNDESK_PUBLIC_URL/);
    } finally {
      errors.mockRestore();
    }
  });

  it('listens beyond loopback once RETURNDESK_PUBLIC_URL names the HTTPS address users reach it at', async () => {
    vi.stubEnv('RETURNDESK_PUBLIC_URL', 'https://returns.example.com');
    try {
      const running = runCli(['node', 'returndesk', 'serve', '--host', '0.0.0.0', '--port', '0', '--database', cli.location]);
      await vi.waitFor(() => expect(cli.log.mock.calls.flat().join('\n')).toContain('(users reach it at https://returns.example.com through the HTTPS proxy)'), { timeout: 10_000 });
      process.emit('SIGINT');
      expect(await running).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('returndesk returns and imports', () => {
  async function importOne(): Promise<void> {
    const path = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [fbaRow({ reason: 'NOT_AS_DESCRIBED' })]);
    expect(await run('import', path, '--json', '--database', cli.location)).toBe(0);
    cli.log.mockClear();
  }

  it('lists cases, shows one with its history, and exits 2 for a case id that is not a number', async () => {
    await importOne();
    expect(await run('returns', 'list', '--json', '--database', cli.location)).toBe(0);
    const page = JSON.parse(printed()) as { items: Array<{ id: number; orderId: string }>; total: number };
    expect(page.total).toBe(1);
    cli.log.mockClear();
    expect(await run('returns', 'show', String(page.items[0]!.id), '--database', cli.location)).toBe(0);
    expect(printed()).toMatch(/order 112-0000001-0000001, SKU TSHIRT-M, 1 unit\(s\), fba_received/);
    expect(printed()).toMatch(/NOT_AS_DESCRIBED -> not_as_described, fault seller/);
    expect(printed()).toMatch(/created\s+import:fba-returns line 2/);
    expect(await run('returns', 'show', 'abc', '--database', cli.location)).toBe(2);
    expect(await run('returns', 'show', '999', '--database', cli.location)).toBe(2);
  });

  it('lists the import history with what each import did', async () => {
    await importOne();
    expect(await run('imports', 'list', '--json', '--database', cli.location)).toBe(0);
    const { imports } = JSON.parse(printed()) as { imports: Array<Record<string, unknown>> };
    expect(imports).toEqual([expect.objectContaining({ fileName: 'fba.txt', reportType: 'fba-returns', rows: 1, inserted: 1, rejected: 0 })]);
    expect(imports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The import is in the audit log, made by whoever ran the command on the server.
    const { database } = await openDatabase(cli.location);
    try {
      const audit = await database.db.selectFrom('audit_log').select(['actor', 'action', 'subject']).execute();
      expect(audit).toEqual([{ actor: expect.stringMatching(/^cli:/), action: 'import.file', subject: `import_run:${String(imports[0]!.id)}` }]);
    } finally {
      await database.close();
    }
  });
});

describe('returndesk import when nothing lands', () => {
  it('still prints one JSON document when the database cannot be reached, and exits 1', async () => {
    const path = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [fbaRow()]);
    expect(await run('import', path, '--json', '--database', 'postgres://nobody@127.0.0.1:1/none')).toBe(1);
    const document = JSON.parse(printed()) as { files: unknown[]; error: { code: string; message: string } };
    expect(document).toMatchObject({ files: [], error: { code: 'failure' } });
  });

  it('exits 2 when every row of a file is rejected', async () => {
    const path = writeReport(cli.dir, 'all-bad.txt', headers.fbaReturns, [fbaRow({ quantity: 'x' }), fbaRow({ 'return-date': 'soon' })]);
    expect(await run('import', path, '--json', '--database', cli.location)).toBe(2);
    expect(JSON.parse(printed()).files[0]).toMatchObject({ rows: 2, rejected: 2, inserted: 0 });
  });
});
