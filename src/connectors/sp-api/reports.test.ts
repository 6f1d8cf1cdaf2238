import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSpApi } from '../../../test/fake-sp-api.js';
import type { FakeReport, FakeSpApi } from '../../../test/fake-sp-api.js';
import { isAmazonError } from './amazon-error.js';
import { endpointsAt } from './endpoints.js';
import { fetchReport, urlExpiresAt } from './reports.js';
import { SpApiClient } from './sp-api-client.js';

// The Reports flow against a fake Amazon on 127.0.0.1 (test/fake-sp-api.ts): tokens, polling, gzip,
// Shift_JIS, CANCELLED and FATAL, throttling, expired tokens and expiring document addresses.

const credentials = { clientId: 'amzn1.application-oa2-client.fake0001', clientSecret: 'fake-client-secret-value-0001', refreshToken: 'Atzr|fake-refresh-token-0001' };
const request = { marketplaceIds: ['ATVPDKIKX0DER'], dataStartTime: '2026-11-01T00:00:00.000Z', dataEndTime: '2026-11-28T00:00:00.000Z' };
const returnsTsv = Buffer.from('order-id\tsku\treturn-date\n111-0000001-0000001\tMUG-1\t2026-11-20T10:00:00+00:00\n', 'utf8');
const japaneseTsv = iconv.encode('注文番号\t商品名\n250-0000001-0000001\t保温マグカップ\n', 'shift_jis');

let fake: FakeSpApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function clientFor(reports: Record<string, FakeReport>, options: { tokenSeconds?: number; clientSecret?: string } = {}) {
  fake = await startFakeSpApi({ credentials, reports, tokenSeconds: options.tokenSeconds });
  const sleeps: number[] = [];
  const client = new SpApiClient({
    region: 'NA', endpoints: endpointsAt(fake.origin), credentials: { ...credentials, clientSecret: options.clientSecret ?? credentials.clientSecret },
    backoffMs: 1, sleep: async (ms) => { sleeps.push(ms); },
  });
  return { client, fake, sleeps };
}

describe('fetching a report from the Selling Partner API', () => {
  it('creates it, polls it to DONE, and answers its document ungzipped, asking LWA for one token', async () => {
    const { client, fake, sleeps } = await clientFor({ GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: returnsTsv, gzip: true, charset: 'UTF-8' } });
    const outcome = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request }, { pollMs: 7 });
    expect(outcome).toEqual({ status: 'DONE', reportId: '50001', bytes: returnsTsv, charset: 'UTF-8' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /auth/o2/token', 'POST /reports/2021-06-30/reports',
      'GET /reports/2021-06-30/reports/50001', 'GET /reports/2021-06-30/reports/50001', 'GET /reports/2021-06-30/reports/50001',
      'GET /reports/2021-06-30/documents/amzn1.tortuga.doc.50001', 'GET /files/50001',
    ]);
    expect(fake.requests[1]!.body).toEqual({ reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request });
    expect(fake.tokensIssued()).toBe(1);
    expect(sleeps.filter((ms) => ms === 7)).toHaveLength(2);
  });

  it('keeps a Shift_JIS document\'s bytes as they are, with the charset its download declares', async () => {
    const { client } = await clientFor({ GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: { content: japaneseTsv, charset: 'Shift_JIS', waits: [] } });
    const outcome = await fetchReport(client, { reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', ...request });
    expect(outcome.status === 'DONE' && [outcome.charset, iconv.decode(outcome.bytes, 'shift_jis')]).toEqual(['Shift_JIS', '注文番号\t商品名\n250-0000001-0000001\t保温マグカップ\n']);
  });

  it('answers CANCELLED (no data) and FATAL with Amazon\'s explanation, neither as an error', async () => {
    const { client } = await clientFor({
      GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { end: 'CANCELLED', waits: ['IN_QUEUE'] },
      GET_FBA_REIMBURSEMENTS_DATA: { end: 'FATAL', content: Buffer.from('Report could not be generated: date range too long'), gzip: true },
    });
    expect(await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request })).toEqual({ status: 'CANCELLED', reportId: '50001' });
    expect(await fetchReport(client, { reportType: 'GET_FBA_REIMBURSEMENTS_DATA', ...request })).toEqual({ status: 'FATAL', reportId: '50002', detail: 'Report could not be generated: date range too long' });
  });

  it('gets past a burst of 429s, pausing the operation as Amazon\'s rate header says, and past an expired token', async () => {
    const { client, fake, sleeps } = await clientFor({ GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: returnsTsv, waits: [] } }, { tokenSeconds: 120 });
    fake.throttle('createReport', 3);
    const first = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request });
    expect(first.status).toBe('DONE');
    expect(fake.requests.filter((r) => r.path === '/reports/2021-06-30/reports' && r.method === 'POST')).toHaveLength(4);
    // x-amzn-RateLimit-Limit: 50 requests/s → at least 20 ms between tries; the backoff doubles from 1 ms.
    expect(sleeps.filter((ms) => ms >= 20).length).toBeGreaterThanOrEqual(3);
    // The token dies on Amazon's side: the next request is refused once, a new token is asked for, and it goes on.
    fake.advance(121_000);
    const second = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request });
    expect(second.status).toBe('DONE');
    expect(fake.tokensIssued()).toBe(2);
  });

  it('never fetches an expired document address: one signed too long ago is asked for again; one refused as expired, once more', async () => {
    fake = await startFakeSpApi({ credentials, reports: { GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: returnsTsv, waits: [] } }, staleDocuments: 1 });
    const client = new SpApiClient({ region: 'NA', endpoints: endpointsAt(fake.origin), credentials, backoffMs: 1, sleep: async () => {} });
    const outcome = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request });
    expect(outcome.status).toBe('DONE');
    expect(fake.requests.filter((r) => r.path.includes('/documents/'))).toHaveLength(2);
    expect(fake.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(1);
    expect(fake.expiredDownloads()).toBe(0);
  });

  it('asks for an address again once when the download finds it expired (Amazon\'s clock ahead of ours)', async () => {
    fake = await startFakeSpApi({ credentials, reports: { GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE: { content: returnsTsv, waits: [] } }, staleDocuments: 1 });
    // Amazon's clock runs six minutes ahead: the stale address still looks valid here, and Amazon refuses it.
    fake.advance(6 * 60_000);
    const client = new SpApiClient({ region: 'NA', endpoints: endpointsAt(fake.origin), credentials, backoffMs: 1, sleep: async () => {} });
    const outcome = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request });
    expect(outcome.status).toBe('DONE');
    expect([fake.requests.filter((r) => r.path.includes('/documents/')).length, fake.expiredDownloads()]).toEqual([2, 1]);
  });

  it('reads a pre-signed address\'s expiry from its own signing time and lifetime', () => {
    expect(urlExpiresAt('https://tortuga-prod-na.s3.amazonaws.com/doc?X-Amz-Date=20261128T060000Z&X-Amz-Expires=300&X-Amz-Signature=abc')).toBe(Date.UTC(2026, 10, 28, 6, 5, 0));
    expect(urlExpiresAt('https://example.com/doc')).toBeNull();
  });

  it('stops at credentials LWA refuses, with Amazon\'s reason and never the secret', async () => {
    const { client, fake } = await clientFor({}, { clientSecret: 'a-wrong-client-secret-value-0002' });
    const error = await fetchReport(client, { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', ...request }).catch((thrown: unknown) => thrown);
    expect(isAmazonError(error) && [error.status, error.retryable]).toEqual([400, false]);
    expect((error as Error).message).toBe('Login with Amazon refused the credentials (400, invalid_grant: The request has an invalid grant parameter : refresh_token): check the client id, client secret and refresh token, or authorize the app again.');
    expect((error as Error).message).not.toContain('a-wrong-client-secret');
    expect(fake.requests.filter((r) => r.path.startsWith('/reports'))).toHaveLength(0);
  });
});
