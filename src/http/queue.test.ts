import { describe, expect, it } from 'vitest';
import { tokenFor, useApiServer } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { caseIdOf, importFbaReturn, importRequests } from '../../test/decision-fixtures.js';
import { scratchDir } from '../../test/report-files.js';
import { queueReply } from './schemas/queue.js';

// The work queue over HTTP: a page, most urgent first, with counts of the whole (filtered) queue.

const now = '2026-03-04T12:00:00.000Z';

describe.each(testDatabases)('GET /api/accounts/:accountId/queue on $name', (target) => {
  const { database, app } = useApiServer(target, now);
  const dir = scratchDir();

  async function seed(): Promise<void> {
    await importRequests(database(), dir, [
      { orderId: 'A-overdue', requestedAt: '2026-03-02T10:00:00+00:00' },
      { orderId: 'B-soon', requestedAt: '2026-03-03T14:00:00+00:00', reason: 'AMZ-PG-APP-TOO-SMALL', sku: 'SHIRT-M' },
      { orderId: 'C-later', requestedAt: '2026-03-04T11:00:00+00:00' },
      { orderId: 'R-received', requestedAt: '2026-03-01T10:00:00+00:00', deliveredAt: '2026-03-03T18:00:00+00:00' },
    ]);
    await importRequests(database(), dir, [{ orderId: 'D-de', requestedAt: '2026-03-02T08:00:00+00:00', orderAmount: '19,99', currency: 'EUR' }], 'DE');
    await importFbaReturn(database(), dir, '112-0000001-0000001');
  }

  const get = async (query: string, token?: string, account = 1) => app().inject({
    method: 'GET', url: `/api/accounts/${account}/queue${query}`, headers: { authorization: `Bearer ${token ?? await tokenFor(database(), 'viewer')}` },
  });

  it('answers a viewer the first page, most urgent first, with counts, as its reply schema says', async () => {
    await seed();
    const response = await get('');
    expect(response.statusCode).toBe(200);
    const body = queueReply.parse(response.json());
    expect(body).toMatchObject({ total: 5, limit: 50, offset: 0, nowIso: now, counts: { overdue: 2, within_4_hours: 1, today: 0, later: 2, no_deadline: 0 } });
    expect(body.items.map((i) => [i.orderId, i.urgency])).toEqual([
      ['A-overdue', 'overdue'], ['D-de', 'overdue'], ['B-soon', 'within_4_hours'], ['C-later', 'later'], ['R-received', 'later'],
    ]);
    expect(body.items[0]).toMatchObject({ caseId: await caseIdOf(database(), 'A-overdue'), task: 'decide', atStakeMinor: 3999, recommendation: { action: 'authorize_return', expectedLossMinor: 1619 } });
    expect(body.items[0]!.recommendation!.explanation.en).toContain('expected loss $16.19');
    // The page's items are kept as UTF-8 bytes between reads: the second answer is the same JSON, Chinese and all.
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(body.items[0]!.recommendation!.explanation.zh).toMatch(/[\u4e00-\u9fff]/);
    const again = await get('');
    expect(again.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
    expect(again.json()).toEqual(response.json());
  });

  it('pages and filters, keeping the counts and total of the filtered queue', async () => {
    await seed();
    const second = queueReply.parse((await get('?limit=2&offset=2')).json());
    expect(second.items.map((i) => i.orderId)).toEqual(['B-soon', 'C-later']);
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    const cases = [
      ['?marketplace=DE', ['D-de']], ['?reason=size_fit', ['B-soon']], ['?fault=unknown', ['B-soon']], ['?status=received', ['R-received']],
      ['?task=refund', ['R-received']], ['?sku=SHIRT-M', ['B-soon']], ['?marketplace=US&task=decide&limit=1', ['A-overdue']],
    ] as const;
    for (const [query, orderIds] of cases) {
      const body = queueReply.parse((await get(query)).json());
      expect([query, body.items.map((i) => i.orderId)]).toEqual([query, orderIds]);
    }
    expect(queueReply.parse((await get('?marketplace=US&task=decide&limit=1')).json())).toMatchObject({ total: 3, counts: { overdue: 1, within_4_hours: 1, later: 1 } });
  });

  it('refuses bad paging and filters with a 400 naming the parameter', async () => {
    const cases = [
      ['?limit=0', 'limit'], ['?limit=201', 'limit'], ['?offset=-1', 'offset'], ['?marketplace=XX', 'marketplace'], ['?reason=bored', 'reason'],
      ['?fault=nobody', 'fault'], ['?status=refunded', 'status'], ['?task=ship', 'task'], ['?color=red', ''],
    ] as const;
    for (const [query, field] of cases) {
      const response = await get(query);
      expect([query, response.statusCode, response.json().error.code]).toEqual([query, 400, 'invalid_input']);
      if (field) expect(JSON.stringify(response.json().error.details)).toContain(field);
    }
    expect((await get('?reason=bored')).json().error.details[0].message).toContain('a reason category: size_fit');
  });

  it('answers 404 for another account\'s queue and 401 without a token', async () => {
    await seed();
    expect((await get('', undefined, 2)).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/api/accounts/1/queue' })).statusCode).toBe(401);
  });

  it('shows a change made through the API on the next read', async () => {
    await seed();
    const agent = await tokenFor(database(), 'agent');
    const caseId = await caseIdOf(database(), 'A-overdue');
    expect((await get('', agent)).json().total).toBe(5);
    const recorded = await app().inject({
      method: 'POST', url: `/api/accounts/1/returns/${caseId}/outcomes`, payload: { outcome: 'offer-accepted', step: 1 },
      headers: { authorization: `Bearer ${agent}`, 'if-match': '"1"' },
    });
    expect(recorded.statusCode).toBe(201);
    const after = queueReply.parse((await get('', agent)).json());
    expect(after.total).toBe(4);
    expect(after.items.map((i) => i.orderId)).not.toContain('A-overdue');
  });

  it('gives each item its case\'s version, moved on by a change, for a change made from the queue', async () => {
    await seed();
    const agent = await tokenFor(database(), 'agent');
    const caseId = await caseIdOf(database(), 'A-overdue');
    const versionOf = async () => queueReply.parse((await get('', agent)).json()).items.find((i) => i.caseId === caseId)!.version;
    expect(await versionOf()).toBe(1);
    const declined = await app().inject({
      method: 'POST', url: `/api/accounts/1/returns/${caseId}/outcomes`, payload: { outcome: 'offer-declined', step: 1 },
      headers: { authorization: `Bearer ${agent}`, 'if-match': '"1"' },
    });
    expect(declined.statusCode).toBe(201);
    expect(await versionOf()).toBe(2);
  });
});
