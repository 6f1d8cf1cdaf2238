import { describe, expect, it } from 'vitest';
import { caseIdOf, importFbaReturn, importRequests } from '../../test/decision-fixtures.js';
import type { RequestRow } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { decideCase } from './decide-case.js';
import { recordOutcome } from './record-outcome.js';
import { listQueue } from './work-queue.js';

// Wednesday 2026-03-04 12:00 UTC is 04:00 in Los Angeles (PST, UTC−8): the US "today" runs until
// 2026-03-05T08:00Z. A US request's first clock is manual authorization, 24 hours after the request.
const now = '2026-03-04T12:00:00.000Z';

// Not as described, $39.99: authorize for an expected loss of $16.19 (see decide-case.test.ts).
const rows: RequestRow[] = [
  { orderId: 'A-overdue', requestedAt: '2026-03-02T10:00:00+00:00' },
  { orderId: 'E1-overdue-small', requestedAt: '2026-03-02T09:00:00+00:00', orderAmount: '20.00' },
  { orderId: 'E2-overdue-large', requestedAt: '2026-03-02T09:00:00+00:00', orderAmount: '50.00' },
  { orderId: 'B-in-2-hours', requestedAt: '2026-03-03T14:00:00+00:00' },
  { orderId: 'P-no-price', sku: 'NO-PRICE', requestedAt: '2026-03-03T13:00:00+00:00', orderAmount: '' },
  // Due 2026-03-05T07:30Z: the next UTC day, but still Wednesday in Los Angeles.
  { orderId: 'C-today', requestedAt: '2026-03-04T07:30:00+00:00' },
  // Due 2026-03-05T11:00Z: Thursday 03:00 in Los Angeles.
  { orderId: 'D-later', requestedAt: '2026-03-04T11:00:00+00:00' },
  // Delivered Tuesday 10:00 Los Angeles: refund by the end of the 2nd business day, Thursday 23:59:59.999 PST.
  { orderId: 'R-received', requestedAt: '2026-03-01T10:00:00+00:00', deliveredAt: '2026-03-03T18:00:00+00:00' },
  // Not in the queue: authorized and closed requests.
  { orderId: 'X-authorized', requestedAt: '2026-03-02T10:00:00+00:00', status: 'Approved' },
  { orderId: 'X-closed', requestedAt: '2026-03-02T10:00:00+00:00', status: 'Closed' },
  { orderId: 'X-accepted', requestedAt: '2026-03-02T10:00:00+00:00', reason: 'CR-UNWANTED_ITEM' },
];

describe.each(testDatabases)('listQueue on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  async function seed(): Promise<void> {
    await importRequests(db(), dir, rows);
    await importFbaReturn(db(), dir, '112-0000001-0000001');
    // An accepted offer closes a request: it leaves the queue.
    await recordOutcome(db(), 1, await caseIdOf(db(), 'X-accepted'), { outcome: 'offer-accepted', step: '1' }, '2026-03-03T00:00:00.000Z');
  }

  it('orders overdue, within 4 hours, today (marketplace time), later; then by due time and amount at stake', async () => {
    await seed();
    const queue = await listQueue(db(), 1, now);
    expect(queue.nowIso).toBe(now);
    expect(queue.items.map((item) => [item.orderId, item.urgency, item.deadline?.dueAt])).toEqual([
      ['E2-overdue-large', 'overdue', '2026-03-03T09:00:00.000Z'],
      ['E1-overdue-small', 'overdue', '2026-03-03T09:00:00.000Z'],
      ['A-overdue', 'overdue', '2026-03-03T10:00:00.000Z'],
      ['P-no-price', 'within_4_hours', '2026-03-04T13:00:00.000Z'],
      ['B-in-2-hours', 'within_4_hours', '2026-03-04T14:00:00.000Z'],
      ['C-today', 'today', '2026-03-05T07:30:00.000Z'],
      ['D-later', 'later', '2026-03-05T11:00:00.000Z'],
      ['R-received', 'later', '2026-03-06T07:59:59.999Z'],
    ]);
    expect(queue.counts).toEqual({ overdue: 3, within_4_hours: 2, today: 1, later: 2, no_deadline: 0 });
  });

  it('leaves FBA, authorized, closed and answered cases out', async () => {
    await seed();
    const { items } = await listQueue(db(), 1, now);
    const orderIds = items.map((item) => item.orderId);
    for (const absent of ['112-0000001-0000001', 'X-authorized', 'X-closed', 'X-accepted']) expect(orderIds).not.toContain(absent);
    expect(items).toHaveLength(8);
  });

  it('gives a request its recommendation, clock and the money at stake', async () => {
    await seed();
    const { items } = await listQueue(db(), 1, now);
    const item = items.find((i) => i.orderId === 'A-overdue')!;
    expect(item).toMatchObject({
      caseId: await caseIdOf(db(), 'A-overdue'), sku: 'DRESS-S', marketplace: 'US', status: 'requested', reasonCategory: 'not_as_described',
      task: 'decide', currency: 'USD', atStakeMinor: 3999, problem: null,
      deadline: { ruleId: 'manual-authorization', dueAt: '2026-03-03T10:00:00.000Z' },
      recommendation: { action: 'authorize_return', expectedLossMinor: 1619 },
    });
    expect(item.recommendation).not.toHaveProperty('step');
    expect(item.recommendation!.explanation.en).toContain('expected loss $16.19');
    expect(items.find((i) => i.orderId === 'E2-overdue-large')).toMatchObject({ atStakeMinor: 5000 });
  });

  it('lists a received case as a refund task on the refund-after-receipt clock', async () => {
    await seed();
    const { items } = await listQueue(db(), 1, now);
    expect(items.find((i) => i.orderId === 'R-received')).toMatchObject({
      status: 'received', task: 'refund', urgency: 'later', atStakeMinor: 3999, recommendation: null, problem: null,
      deadline: { ruleId: 'refund-after-receipt', dueAt: '2026-03-06T07:59:59.999Z' },
    });
  });

  it('keeps a case without a price in the queue with its problem and its clock', async () => {
    await seed();
    const { items } = await listQueue(db(), 1, now);
    const item = items.find((i) => i.orderId === 'P-no-price')!;
    expect(item).toMatchObject({ task: 'decide', urgency: 'within_4_hours', atStakeMinor: null, recommendation: null });
    expect(item.deadline?.ruleId).toBe('manual-authorization');
    expect(item.problem).toMatch(/^Case \d+ has no price in USD: .*SKU NO-PRICE has no USD price in the product sheet/);
  });

  it('moves a request from later to within 4 hours to overdue as the clock runs', async () => {
    await importRequests(db(), dir, [{ orderId: 'D-later', requestedAt: '2026-03-04T11:00:00+00:00' }]);
    const urgencyAt = async (at: string) => (await listQueue(db(), 1, at)).items[0]!.urgency;
    expect(await urgencyAt(now)).toBe('later');
    // Due Thursday 03:00 in Los Angeles: on Wednesday evening there it is not "today" yet.
    expect(await urgencyAt('2026-03-05T06:59:59.999Z')).toBe('later');
    expect(await urgencyAt('2026-03-05T07:00:00.000Z')).toBe('within_4_hours'); // exactly 4 hours left
    expect(await urgencyAt('2026-03-05T11:00:00.000Z')).toBe('within_4_hours'); // due this instant
    expect(await urgencyAt('2026-03-05T11:00:00.001Z')).toBe('overdue');
  });

  it('recommends what decideCase recommends, declined offers included', async () => {
    // Too small (fault unknown): $25.00 + $6.00 label + $3.00 handling − $22.13 resale = $11.87 to
    // authorize; the 20% offer: 40% × $5.00 + 60% × $11.87 + 30% × $5.00 = $10.62.
    await importRequests(db(), dir, [{ orderId: 'S-size', requestedAt: '2026-03-04T11:00:00+00:00', reason: 'AMZ-PG-APP-TOO-SMALL', orderAmount: '25.00' }]);
    const caseId = await caseIdOf(db(), 'S-size');
    const first = (await listQueue(db(), 1, now)).items[0]!;
    expect(first.recommendation).toMatchObject({ action: 'save_offer', step: 2, expectedLossMinor: 1062 });
    expect((await decideCase(db(), 1, caseId, now)).decision.recommended).toMatchObject({ action: 'save_offer', step: 2, expectedLossMinor: 1062 });

    await recordOutcome(db(), 1, caseId, { outcome: 'offer-declined', step: '3' }, '2026-03-04T11:30:00.000Z');
    const second = (await listQueue(db(), 1, now)).items[0]!;
    expect(second.recommendation).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1187 });
    expect((await decideCase(db(), 1, caseId, now)).decision.recommended).toMatchObject({ action: 'authorize_return', expectedLossMinor: 1187 });
  });

  it('is empty with zero counts for an account without open cases', async () => {
    await seed();
    expect(await listQueue(db(), 2, now)).toEqual({ nowIso: now, items: [], counts: { overdue: 0, within_4_hours: 0, today: 0, later: 0, no_deadline: 0 }, total: 0, limit: 50, offset: 0 });
  });
});
