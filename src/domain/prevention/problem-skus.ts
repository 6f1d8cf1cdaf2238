import type { PreventionPolicy } from './prevention-policy.js';
import { returnRate } from './rate-verdicts.js';
import type { ReturnRate } from './rate-verdicts.js';
import type { ReturnedUnits, ShippedUnits } from './return-rates.js';
import { dominantCause } from './root-causes.js';
import type { CauseShare } from './root-causes.js';
import { compareCodeUnits } from '../code-unit-order.js';

// Problem SKUs (issue 6, report causes): the listings whose return rate is clearly above the seller's
// own in the same marketplace, most excess returns first, each with its reasons as a Pareto and the
// root cause they point to. "Clearly above": the lower end of the SKU's interval is above the rate of
// all the seller's units in that marketplace, so a SKU is never blamed on a handful of returns.

/** One reason category's units, with its share and the cumulative share of the reasons before it. */
export interface ParetoBar {
  readonly reason: string;
  readonly units: number;
  readonly share: number;
  readonly cumulative: number;
}

export interface SkuCauses {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly shipped: number;
  readonly returned: number;
  readonly rate: ReturnRate;
  /** The marketplace's rate over all the seller's units. */
  readonly marketplaceRate: number;
  /** Units returned beyond what the marketplace's rate would bring: what fixing the listing can save. */
  readonly excessUnits: number;
  readonly pareto: readonly ParetoBar[];
  readonly dominant: CauseShare | null;
}

export interface ProblemSkus {
  /** Per marketplace: units shipped and returned over all SKUs, and the reasons of all returns. */
  readonly marketplaces: readonly { marketplaceCode: string; shipped: number; returned: number; rate: number; pareto: readonly ParetoBar[] }[];
  /** Most excess units first. */
  readonly problems: readonly SkuCauses[];
}

interface Totals { shipped: number; returned: number; byReason: Record<string, number> }

/** Sums months away: one total per marketplace and SKU (returns without an order line are left out: no rate). */
function totalsBySku(shipped: readonly ShippedUnits[], returned: readonly ReturnedUnits[]): Map<string, Totals & { marketplaceCode: string; sku: string }> {
  const totals = new Map<string, Totals & { marketplaceCode: string; sku: string }>();
  const of = (marketplaceCode: string, sku: string) => {
    const key = `${marketplaceCode}\t${sku}`;
    let entry = totals.get(key);
    if (!entry) totals.set(key, (entry = { marketplaceCode, sku, shipped: 0, returned: 0, byReason: {} }));
    return entry;
  };
  for (const s of shipped) of(s.marketplaceCode, s.sku).shipped += s.units;
  for (const r of returned) {
    if (r.month === null) continue;
    const entry = of(r.marketplaceCode, r.sku);
    entry.returned += r.units;
    for (const reason in r.byReason) entry.byReason[reason] = (entry.byReason[reason] ?? 0) + r.byReason[reason]!;
  }
  return totals;
}

/** Reasons by units, largest first (then by name), with shares and cumulative shares. */
export function paretoOf(byReason: Readonly<Record<string, number>>): ParetoBar[] {
  const entries = Object.entries(byReason).filter(([, units]) => units > 0).sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]));
  const total = entries.reduce((sum, [, units]) => sum + units, 0);
  let running = 0;
  return entries.map(([reason, units]) => {
    running += units;
    return { reason, units, share: units / total, cumulative: running / total };
  });
}

export function problemSkus(shipped: readonly ShippedUnits[], returned: readonly ReturnedUnits[], policy: PreventionPolicy): ProblemSkus {
  const skus = [...totalsBySku(shipped, returned).values()];
  const markets = new Map<string, Totals>();
  for (const s of skus) {
    const m = markets.get(s.marketplaceCode) ?? { shipped: 0, returned: 0, byReason: {} };
    m.shipped += s.shipped;
    m.returned += s.returned;
    for (const [reason, units] of Object.entries(s.byReason)) m.byReason[reason] = (m.byReason[reason] ?? 0) + units;
    markets.set(s.marketplaceCode, m);
  }
  const marketRate = (code: string) => {
    const m = markets.get(code)!;
    return m.shipped === 0 ? 0 : m.returned / m.shipped;
  };
  const problems = skus
    // More returned than shipped: order lines are missing (report rates names them); no rate to judge.
    .filter((s) => s.shipped > 0 && s.returned <= s.shipped)
    .map((s) => ({ s, rate: returnRate({ returned: s.returned, shipped: s.shipped }, policy), marketplaceRate: marketRate(s.marketplaceCode) }))
    .filter(({ rate, marketplaceRate }) => !rate.smallSample && rate.low > marketplaceRate)
    .map(({ s, rate, marketplaceRate }): SkuCauses => ({
      marketplaceCode: s.marketplaceCode, sku: s.sku, shipped: s.shipped, returned: s.returned, rate, marketplaceRate,
      excessUnits: s.returned - s.shipped * marketplaceRate, pareto: paretoOf(s.byReason), dominant: dominantCause(s.byReason).dominant,
    }))
    .sort((a, b) => b.excessUnits - a.excessUnits || compareCodeUnits(a.marketplaceCode, b.marketplaceCode) || compareCodeUnits(a.sku, b.sku));
  const marketplaces = [...markets.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([marketplaceCode, m]) => ({
    marketplaceCode, shipped: m.shipped, returned: m.returned, rate: marketRate(marketplaceCode), pareto: paretoOf(m.byReason),
  }));
  return { marketplaces, problems };
}
