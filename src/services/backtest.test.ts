import { describe, expect, it } from 'vitest';
import { importFbaReturn, importRequests } from '../../test/decision-fixtures.js';
import type { RequestRow } from '../../test/decision-fixtures.js';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { scratchDir } from '../../test/report-files.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { Policy } from '../domain/policy/policy.js';
import { backtestPolicy } from './backtest.js';
import type { BacktestReport, BacktestTotals, CurrencyBacktest } from './backtest.js';

// Each case is replayed as of its request time. Under the default policy (hand-computed):
// - BT-remorse, no longer wanted, $20.00 (buyer fault): authorize = 2000 + 300 handling − 1770 resale
//   − 100 expected restocking fee (50% cap × 50% charged × 20% used grades) = 430; baseline without the fee 530.
// - BT-desc and BT-received, not as described, $39.99: authorize 1619 = baseline (no fee on seller fault).
// - BT-size, too small, $25.00 (fault unknown): save offer step 3 at 1062; baseline authorize 1187.
// - BT-uk, not as described, £19.99: authorize 959 = baseline.
const usRows: RequestRow[] = [
  { orderId: 'BT-remorse', requestedAt: '2026-01-10T10:00:00+00:00', reason: 'CR-UNWANTED_ITEM', orderAmount: '20.00' },
  { orderId: 'BT-desc', requestedAt: '2026-02-10T10:00:00+00:00', orderAmount: '39.99' },
  { orderId: 'BT-size', requestedAt: '2026-02-20T10:00:00+00:00', reason: 'AMZ-PG-APP-TOO-SMALL', orderAmount: '25.00' },
  { orderId: 'BT-received', requestedAt: '2026-01-20T10:00:00+00:00', orderAmount: '39.99', deliveredAt: '2026-01-25T10:00:00+00:00' },
  { orderId: 'BT-noprice-1', sku: 'NP-1', requestedAt: '2026-02-11T10:00:00+00:00', orderAmount: '' },
  { orderId: 'BT-noprice-2', sku: 'NP-2', requestedAt: '2026-01-05T10:00:00+00:00', orderAmount: '' },
];
const ukRows: RequestRow[] = [{ orderId: 'BT-uk', requestedAt: '2026-02-15T10:00:00+00:00', orderAmount: '19.99', currency: 'GBP' }];

const totals = (cases: number, expectedLossMinor: number, baselineLossMinor: number): BacktestTotals =>
  ({ cases, expectedLossMinor, baselineLossMinor, savedMinor: baselineLossMinor - expectedLossMinor });

const withChargeShare = (restockingFeeChargeShare: number): Policy =>
  ({ ...defaultPolicy, decisionPriors: { ...defaultPolicy.decisionPriors, restockingFeeChargeShare } });

const currency = (report: BacktestReport, code: string): CurrencyBacktest => report.byCurrency.find((c) => c.currency === code)!;

function sum(groups: readonly (BacktestTotals | undefined)[]): BacktestTotals {
  const result = totals(0, 0, 0);
  for (const group of groups) {
    result.cases += group!.cases;
    result.expectedLossMinor += group!.expectedLossMinor;
    result.baselineLossMinor += group!.baselineLossMinor;
    result.savedMinor += group!.savedMinor;
  }
  return result;
}

describe.each(testDatabases)('backtestPolicy on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  async function seed(): Promise<void> {
    await importRequests(db(), dir, usRows);
    await importRequests(db(), dir, ukRows, 'UK');
    await importFbaReturn(db(), dir, '112-0000001-0000001');
  }

  it('totals expected and baseline losses per currency, by reason category and by recommended action', async () => {
    await seed();
    const report = await backtestPolicy(db(), 1, defaultPolicy);
    expect(report).toMatchObject({ fromIso: null, toIso: null, decided: 5 });
    expect(report.byCurrency.map((c) => c.currency)).toEqual(['GBP', 'USD']);

    const usd = currency(report, 'USD');
    expect(usd.total).toEqual(totals(4, 430 + 1619 + 1062 + 1619, 530 + 1619 + 1187 + 1619));
    expect(usd.total.savedMinor).toBe(225);
    expect(usd.byReasonCategory).toEqual({
      changed_mind: totals(1, 430, 530),
      not_as_described: totals(2, 3238, 3238),
      size_fit: totals(1, 1062, 1187),
    });
    expect(usd.byAction).toEqual({
      authorize_return: totals(3, 430 + 3238, 530 + 3238),
      save_offer: totals(1, 1062, 1187),
    });

    const gbp = currency(report, 'GBP');
    expect(gbp).toEqual({
      currency: 'GBP', total: totals(1, 959, 959),
      byReasonCategory: { not_as_described: totals(1, 959, 959) }, byAction: { authorize_return: totals(1, 959, 959) },
    });
  });

  it('adds the groups up to the total, and saved is always baseline − expected', async () => {
    await seed();
    const report = await backtestPolicy(db(), 1, defaultPolicy);
    for (const entry of report.byCurrency) {
      expect(sum(Object.values(entry.byReasonCategory))).toEqual(entry.total);
      expect(sum(Object.values(entry.byAction))).toEqual(entry.total);
      for (const group of [entry.total, ...Object.values(entry.byReasonCategory), ...Object.values(entry.byAction)]) {
        expect(group!.savedMinor).toBe(group!.baselineLossMinor - group!.expectedLossMinor);
      }
    }
    expect(report.decided).toBe(report.byCurrency.reduce((n, c) => n + c.total.cases, 0));
  });

  it('skips and counts a case without a price instead of failing, grouped by problem without ids', async () => {
    await seed();
    const { skipped } = await backtestPolicy(db(), 1, defaultPolicy);
    expect(skipped.count).toBe(2);
    expect(skipped.byProblem).toEqual({
      'Case … has no price in USD: its return report row has no order amount and SKU … has no USD price in the product sheet; import the product sheet with prices.': 2,
    });
    expect(skipped.examples.map((e) => e.problem)).toEqual([
      expect.stringContaining('SKU NP-1 has no USD price'), expect.stringContaining('SKU NP-2 has no USD price'),
    ]);
  });

  it('skips the cases of a marketplace the policy lacks, naming the missing number', async () => {
    await seed();
    const { UK: _uk, ...handling } = defaultPolicy.handlingCostPerUnit;
    const report = await backtestPolicy(db(), 1, { ...defaultPolicy, handlingCostPerUnit: handling });
    expect(report.byCurrency.map((c) => c.currency)).toEqual(['USD']);
    expect(report.decided).toBe(4);
    expect(report.skipped.count).toBe(3);
    expect(report.skipped.byProblem['The policy has no handling cost for marketplace UK: add one to the policy.']).toBe(1);
  });

  it('replays only requests made in [from, to)', async () => {
    await seed();
    const report = await backtestPolicy(db(), 1, defaultPolicy, { fromIso: '2026-02-10T10:00:00.000Z', toIso: '2026-02-15T10:00:00.000Z' });
    // BT-desc (at the lower bound) and BT-noprice-1; BT-uk at the upper bound is left out.
    expect(report).toMatchObject({ fromIso: '2026-02-10T10:00:00.000Z', toIso: '2026-02-15T10:00:00.000Z', decided: 1, skipped: { count: 1 } });
    expect(report.byCurrency).toEqual([{
      currency: 'USD', total: totals(1, 1619, 1619),
      byReasonCategory: { not_as_described: totals(1, 1619, 1619) }, byAction: { authorize_return: totals(1, 1619, 1619) },
    }]);
    expect(report.skipped.examples.map((e) => e.problem)).toEqual([expect.stringContaining('SKU NP-1')]);

    const fromOnly = await backtestPolicy(db(), 1, defaultPolicy, { fromIso: '2026-02-12T00:00:00.000Z' });
    expect(fromOnly.byCurrency.map((c) => [c.currency, c.total])).toEqual([['GBP', totals(1, 959, 959)], ['USD', totals(1, 1062, 1187)]]);
    const toOnly = await backtestPolicy(db(), 1, defaultPolicy, { toIso: '2026-01-21T00:00:00.000Z' });
    expect(toOnly.byCurrency.map((c) => [c.currency, c.total])).toEqual([['USD', totals(2, 430 + 1619, 530 + 1619)]]);
    expect(toOnly.skipped.count).toBe(1);
  });

  it('prices the restocking fee by the share of the cap charged: none at 0, all at 1', async () => {
    await seed();
    const none = currency(await backtestPolicy(db(), 1, withChargeShare(0)), 'USD');
    const half = currency(await backtestPolicy(db(), 1, defaultPolicy), 'USD');
    const all = currency(await backtestPolicy(db(), 1, withChargeShare(1)), 'USD');
    // Only BT-remorse is the buyer's fault. Its fee on a used unit: 50% cap of $20.00 × share × 20% used
    // grades = $0, $1.00, $2.00, so authorizing it costs 530, 430, 330. The baseline never counts the fee.
    expect(none.total).toEqual(totals(4, 530 + 1619 + 1062 + 1619, 4955));
    expect(half.total).toEqual(totals(4, 430 + 1619 + 1062 + 1619, 4955));
    expect(all.total).toEqual(totals(4, 330 + 1619 + 1062 + 1619, 4955));
    expect(none.byReasonCategory.changed_mind).toEqual(totals(1, 530, 530));
    expect(all.byReasonCategory.changed_mind).toEqual(totals(1, 330, 530));
    expect(all.total.expectedLossMinor).toBeLessThan(none.total.expectedLossMinor);
    expect(all.total.savedMinor).toBeGreaterThan(none.total.savedMinor);
    // Seller-fault and unknown-fault cases bear no fee: the same under every share.
    expect(all.byReasonCategory.not_as_described).toEqual(none.byReasonCategory.not_as_described);
    expect(all.byReasonCategory.size_fit).toEqual(none.byReasonCategory.size_fit);
  });

  it('gives the same report read in small pages, reporting progress per page', async () => {
    await seed();
    const progress: number[] = [];
    const paged = await backtestPolicy(db(), 1, defaultPolicy, { pageSize: 2, onProgress: (n) => progress.push(n) });
    expect(paged).toEqual(await backtestPolicy(db(), 1, defaultPolicy));
    // 7 seller-fulfilled requests (the FBA return is not one): pages of 2, 2, 2 and 1.
    expect(progress).toEqual([2, 4, 6, 7]);
  });

  it('groups a reason code it cannot classify as unclassified, priced with the default grade prior', async () => {
    await importRequests(db(), dir, [{ orderId: 'BT-unmapped', requestedAt: '2026-02-01T10:00:00+00:00', reason: 'CR-SOMETHING_NEW', orderAmount: '39.99' }]);
    const usd = currency(await backtestPolicy(db(), 1, defaultPolicy), 'USD');
    // Unknown fault: the seller pays the label; resale by the default prior (30/25/15/10/10/10 %) is 2960,
    // so authorizing costs 4899 − 2960 = 1939; the 20% offer: 320 + 60% × 1939 + 150 = 1633.
    expect(usd.byReasonCategory).toEqual({ unclassified: totals(1, 1633, 1939) });
    expect(usd.byAction).toEqual({ save_offer: totals(1, 1633, 1939) });
  });

  it('reports nothing decided for an account without requests', async () => {
    await seed();
    expect(await backtestPolicy(db(), 2, defaultPolicy)).toEqual({
      fromIso: null, toIso: null, decided: 0, byCurrency: [], skipped: { count: 0, byProblem: {}, examples: [] },
    });
  });
});
