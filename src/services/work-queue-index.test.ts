import { describe, expect, it } from 'vitest';
import { caseIdOf, importFbaReturn, importProductCsv, importRequests } from '../../test/decision-fixtures.js';
import type { RequestRow } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { urgencies } from '../domain/deadlines/case-clocks.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { createDatabase } from '../storage/database.js';
import { listDecisionFactsByStatus } from '../storage/decision-facts-repository.js';
import { listDeclinedSteps } from '../storage/outcome-repository.js';
import { loadDecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';
import { applyPolicy } from './policy.js';
import { receiveReturn } from './receive-return.js';
import { recordOutcome } from './record-outcome.js';
import { recordCaseRefund } from './record-refund.js';
import { emptyCounts, openStatuses, queueItem } from './work-queue-entries.js';
import type { QueueItem } from './work-queue-entries.js';
import { listQueue } from './work-queue.js';
import type { QueueFilter } from './work-queue.js';

// The queue's index against the computation it replaced (the oracle below: decide every open case of
// the account, sort them all), after each kind of change a case goes through.

const urgencyRank = Object.fromEntries(urgencies.map((u, i) => [u, i])) as Record<string, number>;

function compareItems(a: QueueItem, b: QueueItem): number {
  return urgencyRank[a.urgency]! - urgencyRank[b.urgency]!
    || (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? '')
    || (b.atStakeMinor ?? 0) - (a.atStakeMinor ?? 0)
    || a.caseId - b.caseId;
}

const matches = (item: QueueItem, filter: QueueFilter) =>
  (filter.marketplace === undefined || item.marketplace === filter.marketplace) && (filter.reasonCategory === undefined || item.reasonCategory === filter.reasonCategory)
  && (filter.status === undefined || item.status === filter.status) && (filter.task === undefined || item.task === filter.task) && (filter.sku === undefined || item.sku === filter.sku);

/** The old full computation: every open seller-fulfilled case decided and sorted. */
async function oracle(database: Database, nowIso: string, filter: QueueFilter = {}): Promise<{ items: QueueItem[]; counts: Record<string, number> }> {
  const context = await loadDecisionContext(database, 1);
  const [cases, declined] = await Promise.all([listDecisionFactsByStatus(database.db, 1, openStatuses), listDeclinedSteps(database.db, 1)]);
  const faultOf = new Map(cases.map((f) => [f.returnCase.id, f.returnCase.reason.fault]));
  const items = cases.map((f) => queueItem(f, context, nowIso, declined.get(f.returnCase.id) ?? []))
    .filter((item) => matches(item, filter) && (filter.fault === undefined || faultOf.get(item.caseId) === filter.fault)).sort(compareItems);
  const counts: Record<string, number> = emptyCounts();
  for (const item of items) counts[item.urgency]! += 1;
  return { items, counts };
}

const now = '2026-03-04T12:00:00.000Z';
const moments = [now, '2026-03-02T12:00:00.000Z', '2026-03-05T06:30:00.000Z', '2026-03-09T00:00:00.000Z'];

const usRows: RequestRow[] = [
  { orderId: 'US-1', requestedAt: '2026-03-02T10:00:00+00:00' },
  { orderId: 'US-2', requestedAt: '2026-03-02T09:00:00+00:00', orderAmount: '20.00' },
  { orderId: 'US-3', requestedAt: '2026-03-02T09:00:00+00:00', orderAmount: '50.00', reason: 'AMZ-PG-APP-TOO-SMALL' },
  { orderId: 'US-4', requestedAt: '2026-03-03T14:00:00+00:00' },
  { orderId: 'US-NP', sku: 'NO-PRICE', requestedAt: '2026-03-03T13:00:00+00:00', orderAmount: '' },
  { orderId: 'US-5', requestedAt: '2026-03-04T07:30:00+00:00' },
  { orderId: 'US-6', requestedAt: '2026-03-04T11:00:00+00:00', sku: 'SHIRT-M' },
  { orderId: 'US-R', requestedAt: '2026-03-01T10:00:00+00:00', deliveredAt: '2026-03-03T18:00:00+00:00' },
  { orderId: 'US-R2', requestedAt: '2026-03-01T10:00:00+00:00', deliveredAt: '2026-03-02T18:00:00+00:00', sku: 'SHIRT-M' },
  { orderId: 'US-X', requestedAt: '2026-03-02T10:00:00+00:00', status: 'Closed' },
];
// Germany: no manual-authorization clock, the RDR clock only; its local day ends at 23:00 UTC.
const deRows: RequestRow[] = [
  { orderId: 'DE-1', requestedAt: '2026-03-02T21:30:00+00:00', orderAmount: '39,99', currency: 'EUR' },
  { orderId: 'DE-2', requestedAt: '2026-03-03T23:30:00+00:00', orderAmount: '19,99', currency: 'EUR', reason: 'AMZ-PG-APP-TOO-SMALL' },
  { orderId: 'DE-R', requestedAt: '2026-03-01T10:00:00+00:00', deliveredAt: '2026-03-03T09:00:00+00:00', orderAmount: '25,00', currency: 'EUR' },
];

describe.each(testDatabases)('the queue index on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  async function seed(): Promise<void> {
    await importRequests(db(), dir, usRows);
    await importRequests(db(), dir, deRows, 'DE');
    await importFbaReturn(db(), dir, '112-0000001-0000001');
  }

  async function expectOracle(filter: QueueFilter = {}): Promise<void> {
    for (const at of moments) {
      const expected = await oracle(db(), at, filter);
      const queue = await listQueue(db(), 1, at, { filter, limit: 200 });
      expect(queue.items).toEqual(expected.items);
      expect(queue.counts).toEqual(expected.counts);
      expect(queue.total).toBe(expected.items.length);
    }
  }

  it('equals the full computation after imports, at moments across every urgency', async () => {
    await seed();
    const { items } = await oracle(db(), now);
    expect(new Set(items.map((i) => i.urgency)).size).toBeGreaterThanOrEqual(3);
    expect(items.some((i) => i.marketplace === 'DE')).toBe(true);
    await expectOracle();
  });

  it('follows an outcome, a receipt and a refund (and a closed request leaves)', async () => {
    await seed();
    await listQueue(db(), 1, now);
    await recordOutcome(db(), 1, await caseIdOf(db(), 'US-1'), { outcome: 'offer-accepted', step: '1' }, now);
    await recordOutcome(db(), 1, await caseIdOf(db(), 'US-3'), { outcome: 'offer-declined', step: '2' }, now);
    await receiveReturn(db(), 1, { identifier: 'RMA-US-4', receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    await recordCaseRefund(db(), 1, { identifier: String(await caseIdOf(db(), 'US-R')), recordedBy: 'Li Wei' }, now);
    const ids = (await listQueue(db(), 1, now, { limit: 200 })).items.map((i) => i.orderId);
    expect(ids).not.toContain('US-1');
    expect(ids).not.toContain('US-R');
    expect((await listQueue(db(), 1, now, { filter: { task: 'refund' } })).items.map((i) => i.orderId)).toContain('US-4');
    await expectOracle();
  });

  it('follows a re-imported report row and a product sheet that prices a case', async () => {
    await seed();
    await listQueue(db(), 1, now);
    await importRequests(db(), dir, [{ ...usRows[1]!, orderAmount: '80.00' }], 'US', 'mfn-again.txt').catch(() => undefined);
    // The re-imported row's new price is what the queue now stakes on that case.
    const repriced = (await listQueue(db(), 1, now, { limit: 200 })).items.find((i) => i.orderId === usRows[1]!.orderId)!;
    expect(repriced.atStakeMinor).toBe(8000);
    await importProductCsv(db(), dir, 'sku,price,currency\nNO-PRICE,12.50,USD\n');
    const priced = (await listQueue(db(), 1, now, { filter: { sku: 'NO-PRICE' } })).items[0]!;
    expect(priced).toMatchObject({ atStakeMinor: 1250, problem: null });
    await expectOracle();
  });

  it('recomputes every clock when the policy in force changes', async () => {
    await seed();
    const before = await listQueue(db(), 1, now, { filter: { marketplace: 'US', task: 'decide' } });
    await applyPolicy(db(), 1, JSON.stringify({ ...defaultPolicy, deadlines: { manualAuthorizationHours: 12 } }), 'policy.json', now);
    const after = await listQueue(db(), 1, now, { filter: { marketplace: 'US', task: 'decide' } });
    expect(after.items[0]!.deadline!.dueAt).not.toBe(before.items[0]!.deadline!.dueAt);
    await expectOracle();
  });

  it('filters by marketplace, reason category, fault, status, task and SKU, with counts of the filtered queue', async () => {
    await seed();
    const filters: QueueFilter[] = [
      { marketplace: 'DE' }, { marketplace: 'US', task: 'refund' }, { reasonCategory: 'size_fit' }, { fault: 'buyer' }, { fault: 'seller' },
      { status: 'received' }, { sku: 'SHIRT-M' }, { sku: 'NOTHING' },
    ];
    for (const filter of filters) await expectOracle(filter);
    expect((await listQueue(db(), 1, now, { filter: { marketplace: 'DE' } })).items.map((i) => i.orderId).sort()).toEqual(['DE-1', 'DE-2', 'DE-R']);
  });

  it('pages in the same order as the whole queue, across urgencies', async () => {
    await seed();
    for (const at of moments) {
      const whole = (await oracle(db(), at)).items.map((i) => i.caseId);
      const paged: number[] = [];
      for (let offset = 0; offset < whole.length + 3; offset += 3) {
        const page = await listQueue(db(), 1, at, { limit: 3, offset });
        expect(page).toMatchObject({ limit: 3, offset, total: whole.length });
        paged.push(...page.items.map((i) => i.caseId));
      }
      expect(paged).toEqual(whole);
    }
  });

  it('folds the same changes at once from several readers without doubling or losing an entry', async () => {
    await seed();
    await listQueue(db(), 1, now);
    await recordOutcome(db(), 1, await caseIdOf(db(), 'US-2'), { outcome: 'offer-accepted', step: '1' }, now);
    await receiveReturn(db(), 1, { identifier: 'RMA-US-5', receivedBy: 'Li Wei', outerBox: 'intact' }, now);
    const queues = await Promise.all(Array.from({ length: 6 }, () => listQueue(db(), 1, now, { limit: 200 })));
    const expected = (await oracle(db(), now)).items;
    for (const queue of queues) expect(queue.items.map((i) => i.caseId)).toEqual(expected.map((i) => i.caseId));
    const rows = await db().db.selectFrom('queue_entries').select('case_id').where('account_id', '=', 1).execute();
    expect(rows).toHaveLength(expected.length);
    expect(await db().db.selectFrom('queue_dirty_cases').selectAll().execute()).toEqual([]);
  });
});

// Two server processes on one PostgreSQL database: each Database has its pool, so their folds really
// run at once and meet only at the state row's lock. (SQLite is one writer: its folds cannot overlap.)
describe.each(testDatabases.filter((t) => t.name === 'postgres'))('two servers folding at once on $name', (target) => {
  it('neither doubles nor loses an entry, and clears every mark', async () => {
    const { database, location, dispose } = await target.open();
    const other = createDatabase(location);
    try {
      const dir = scratchDir();
      await importRequests(database, dir, usRows);
      await importRequests(database, dir, deRows, 'DE');
      const first = await Promise.all([database, other, database, other].map((d) => listQueue(d, 1, now, { limit: 200 })));
      await recordOutcome(database, 1, await caseIdOf(database, 'US-2'), { outcome: 'offer-accepted', step: '1' }, now);
      await importRequests(database, dir, [{ orderId: 'US-NEW', requestedAt: '2026-03-04T10:00:00+00:00' }], 'US', 'mfn-new.txt');
      const second = await Promise.all([database, other, database, other].map((d) => listQueue(d, 1, now, { limit: 200 })));
      const whole = await oracle(database, now);
      const expected = whole.items.map((i) => i.caseId);
      // One request closed, one new: as many cases as before.
      for (const queue of first) expect(queue.total).toBe(expected.length);
      // Each server counts from its cache of due times, which must follow the other server's folds.
      for (const queue of second) {
        expect(queue.items.map((i) => i.caseId)).toEqual(expected);
        expect(queue.counts).toEqual(whole.counts);
      }
      const entries = await database.db.selectFrom('queue_entries').select('case_id').execute();
      expect(entries.map((e) => e.case_id).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      expect(await database.db.selectFrom('queue_dirty_cases').selectAll().execute()).toEqual([]);
    } finally {
      await other.close();
      await dispose();
    }
  }, 60_000);
});

// The command line (or a second server) changing a case while this server has the queue in hand.
describe.each(testDatabases)('a change made by another process on $name', (target) => {
  it('shows in this process\'s very next queue read', async () => {
    const { database, location, dispose } = await target.open();
    const other = createDatabase(location);
    try {
      await importRequests(database, scratchDir(), usRows);
      const before = (await listQueue(database, 1, now, { limit: 200 })).items.map((i) => i.orderId);
      expect(before).toContain('US-2');
      await listQueue(database, 1, now, { limit: 200 });
      await recordOutcome(other, 1, await caseIdOf(other, 'US-2'), { outcome: 'offer-accepted', step: '1' }, now);
      const after = await listQueue(database, 1, now, { limit: 200 });
      expect(after.items.map((i) => i.orderId)).toEqual(before.filter((id) => id !== 'US-2'));
      expect(after.items).toEqual((await oracle(database, now)).items);
    } finally {
      await other.close();
      await dispose();
    }
  });
});
