import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { startFakeSpApi } from '../../test/fake-sp-api.js';
import type { FakeSpApi } from '../../test/fake-sp-api.js';
import { fbaRow, headers, writeReport } from '../../test/report-files.js';
import { newSecretKey, parseSecretKey } from '../services/secret-box.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

// `returndesk secret-key`, `amazon connect|status|disconnect` and `sync`, in-process, against a fake
// Amazon on 127.0.0.1 (RETURNDESK_SP_API_URL). Secrets come from a file, never from an argument.

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
const credentials = {
  clientId: 'amzn1.application-oa2-client.0000000000000000000000000000cafe',
  clientSecret: 'amzn1.oa2-cs.v1.cli-test-client-secret-value-000001',
  refreshToken: `Atzr|cli-test-refresh-token-${'q'.repeat(30)}`,
};

let fake: FakeSpApi | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  fake = undefined;
});

describe('returndesk secret-key', () => {
  it('prints a new key RETURNDESK_SECRET_KEY accepts, different each time', async () => {
    expect(await runCli(['node', 'returndesk', 'secret-key'])).toBe(ExitCode.ok);
    expect(await runCli(['node', 'returndesk', 'secret-key'])).toBe(ExitCode.ok);
    const [first, second] = cli.log.mock.calls.map((call) => String(call[0]));
    expect(parseSecretKey(first!)).toHaveLength(32);
    expect(second).not.toBe(first);
  });
});

describe('returndesk amazon and sync', () => {
  it('connects from a secrets file, syncs the returns Amazon served, and shows the state, never a secret', async () => {
    const reportFile = writeReport(cli.dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': '111-2000001-0000001', 'license-plate-number': 'LPNCLI0000001' })]);
    fake = await startFakeSpApi({ credentials, reports: { GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: readFileSync(reportFile), waits: [] } } });
    vi.stubEnv('RETURNDESK_SECRET_KEY', newSecretKey());
    vi.stubEnv('RETURNDESK_SP_API_URL', fake.origin);
    const secrets = join(cli.dir, 'secrets.json');
    writeFileSync(secrets, JSON.stringify({ clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken }));

    expect(await run('amazon', 'connect', '--client-id', credentials.clientId, '--marketplaces', 'US', '--secrets-file', secrets)).toBe(ExitCode.ok);
    expect(printed()).toBe('Seller account 1 is connected to Amazon (NA: US). Pull its reports now with: returndesk sync --account 1');
    cli.log.mockClear();
    expect(await run('sync', '--report', 'fba-returns', '--since', '2026-11-01')).toBe(ExitCode.ok);
    expect(printed()).toMatch(/^fba-returns US 2026-11-01\.\.\d{4}-\d{2}-\d{2}: imported, 1 rows \(import run 1\)$/m);
    cli.log.mockClear();
    expect(await run('amazon', 'status', '--json')).toBe(ExitCode.ok);
    const status = JSON.parse(String(cli.log.mock.calls[0]![0])) as { connection: { clientId: string }; reports: { reportType: string; lastOutcome: string }[] };
    expect([status.connection.clientId, status.reports.map((r) => [r.reportType, r.lastOutcome])]).toEqual([credentials.clientId, [['fba-returns', 'imported']]]);
    const everything = `${printed()}\n${errors()}`;
    expect(everything).not.toContain(credentials.clientSecret);
    expect(everything).not.toContain(credentials.refreshToken);
    expect(await run('amazon', 'disconnect')).toBe(ExitCode.ok);
  });

  it('refuses a report the sync does not fetch and a secrets file that is not JSON, and says to set the key', async () => {
    expect(await run('sync', '--report', 'product-sheet')).toBe(ExitCode.badInput);
    expect(errors()).toContain('--report must be one of fba-returns, mfn-returns, all-orders, reimbursements, removals, settlement, not "product-sheet" (product-sheet is not fetched from Amazon).');
    const secrets = join(cli.dir, 'secrets.txt');
    writeFileSync(secrets, 'clientSecret=abc');
    expect(await run('amazon', 'connect', '--client-id', credentials.clientId, '--marketplaces', 'US', '--secrets-file', secrets)).toBe(ExitCode.badInput);
    expect(errors()).toContain('is not JSON: write {"clientSecret": "…", "refreshToken": "Atzr|…"}.');
    expect(errors()).not.toContain('clientSecret=abc');
    writeFileSync(secrets, JSON.stringify({ clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken }));
    vi.stubEnv('RETURNDESK_SECRET_KEY', '');
    expect(await run('amazon', 'connect', '--client-id', credentials.clientId, '--marketplaces', 'US', '--secrets-file', secrets)).toBe(ExitCode.badInput);
    expect(errors()).toContain('set RETURNDESK_SECRET_KEY');
  });
});
