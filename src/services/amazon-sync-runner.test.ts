import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startFakeSpApi } from '../../test/fake-sp-api.js';
import type { FakeReport, FakeSpApi } from '../../test/fake-sp-api.js';
import { fbaRow, headers, scratchDir, writeReport } from '../../test/report-files.js';
import { readFileSync } from 'node:fs';
import { endpointsAt } from '../connectors/sp-api/endpoints.js';
import { connectAmazon } from './amazon-connection.js';
import { createSyncRunner } from './amazon-sync-runner.js';
import type { Database } from './open-database.js';
import { newSecretKey, parseSecretKey, secretBox } from './secret-box.js';

// The server's sync runner: one run per account at once, a schedule over every connected account,
// and a stop that aborts a run waiting on Amazon instead of holding the shutdown.

const credentials = {
  clientId: 'amzn1.application-oa2-client.00000000000000000000000000000f00',
  clientSecret: 'amzn1.oa2-cs.v1.runner-test-client-secret-value-000001',
  refreshToken: `Atzr|runner-test-refresh-token-${'n'.repeat(30)}`,
};
const box = secretBox(parseSecretKey(newSecretKey()));

describe.each(testDatabases)('the sync runner on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let fake: FakeSpApi;
  const dir = scratchDir();
  const report = readFileSync(writeReport(dir, 'fba.txt', headers.fbaReturns, [fbaRow({ 'order-id': '111-4000001-0000001', 'license-plate-number': 'LPNRUN0000001' })]));

  beforeEach(async () => {
    ({ database, dispose } = await target.open());
    await connectAmazon(database, 1, { ...credentials, marketplaces: ['US'] }, box, '2026-11-28T06:00:00.000Z', 'user:1');
  });
  afterEach(async () => {
    await fake.close();
    await dispose();
  });

  async function runner(plan: FakeReport, hours: number, logs: string[] = []) {
    fake = await startFakeSpApi({ credentials, reports: { GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: plan } });
    return createSyncRunner(database, { box, endpoints: endpointsAt(fake.origin), scratchDirectory: dir, now: () => '2026-11-28T06:00:00.000Z', hours, log: (_level, message) => logs.push(message) });
  }

  const outcomes = async () => (await database.db.selectFrom('amazon_sync_state').select(['report_type', 'last_outcome', 'last_error']).execute());

  it('runs one sync per account at once, and a stop aborts one waiting on Amazon', async () => {
    const logs: string[] = [];
    // A report that stays queued: the run polls (every 30 s) until stopped.
    const syncs = await runner({ content: report, waits: Array(50).fill('IN_QUEUE') }, 0, logs);
    expect(syncs.runNow(1)).toBe(true);
    expect(syncs.runNow(1)).toBe(false);
    await expect.poll(() => fake.requests.some((r) => r.path.startsWith('/reports/2021-06-30/reports/'))).toBe(true);
    await syncs.stop();
    expect(syncs.isRunning(1)).toBe(false);
    expect(await outcomes()).toContainEqual({ report_type: 'fba-returns', last_outcome: 'failed', last_error: 'The sync was stopped: the server is shutting down.' });
    expect(syncs.runNow(1)).toBe(false);
    expect(logs.join('\n')).toContain('The sync was stopped');
  });

  it('syncs every connected account on its schedule', async () => {
    // 0.0005 h = 1.8 s.
    const syncs = await runner({ content: report, waits: [] }, 0.0005);
    try {
      await expect.poll(async () => (await outcomes()).map((o) => o.last_outcome), { timeout: 15_000 }).toContain('imported');
    } finally {
      await syncs.stop();
    }
  });
});
