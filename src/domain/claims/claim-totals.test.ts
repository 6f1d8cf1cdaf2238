import { describe, expect, it } from 'vitest';
import { claimTotalsByMonth } from './claim-totals.js';
import type { ClaimForTotals } from './claim-totals.js';

const claim = (over: Partial<ClaimForTotals>): ClaimForTotals => ({
  currency: 'USD', status: 'open', owedMinor: 1000, recoveredMinor: null, foundAt: '2026-05-02T00:00:00.000Z', filedAt: null, resolvedAt: null,
  window: { fromIso: '2026-03-10T00:00:00.000Z', closesAt: '2026-07-08T00:00:00.000Z' }, ...over,
});

describe('claimTotalsByMonth', () => {
  it('puts owed in the window\'s start month, filed and recovered when they happened, expired when the window closed', () => {
    const totals = claimTotalsByMonth([
      claim({}),
      claim({ status: 'won', filedAt: '2026-05-20T00:00:00.000Z', recoveredMinor: 900, resolvedAt: '2026-06-02T00:00:00.000Z' }),
      claim({ status: 'expired', owedMinor: 500 }),
    ]);
    expect(totals).toEqual([
      { month: '2026-03', currency: 'USD', owedMinor: 2500, filedMinor: 0, recoveredMinor: 0, expiredMinor: 0 },
      { month: '2026-05', currency: 'USD', owedMinor: 0, filedMinor: 1000, recoveredMinor: 0, expiredMinor: 0 },
      { month: '2026-06', currency: 'USD', owedMinor: 0, filedMinor: 0, recoveredMinor: 900, expiredMinor: 0 },
      { month: '2026-07', currency: 'USD', owedMinor: 0, filedMinor: 0, recoveredMinor: 0, expiredMinor: 500 },
    ]);
  });

  it('keeps currencies apart and uses the day found when there is no window', () => {
    const totals = claimTotalsByMonth([claim({ currency: 'EUR', window: null }), claim({})]);
    expect(totals.map((t) => [t.month, t.currency, t.owedMinor])).toEqual([['2026-03', 'USD', 1000], ['2026-05', 'EUR', 1000]]);
  });

  it('counts a lost claim as filed but recovers nothing', () => {
    const [march, may] = claimTotalsByMonth([claim({ status: 'lost', filedAt: '2026-05-20T00:00:00.000Z', recoveredMinor: 0, resolvedAt: '2026-05-30T00:00:00.000Z' })]);
    expect(march!.owedMinor).toBe(1000);
    expect(may).toMatchObject({ filedMinor: 1000, recoveredMinor: 0 });
  });
});
