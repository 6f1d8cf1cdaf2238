import type { PreventionPolicy } from './prevention-policy.js';
import { returnRate } from './rate-verdicts.js';
import type { ReturnRate } from './rate-verdicts.js';
import { dominantCause } from './root-causes.js';
import type { CauseShare } from './root-causes.js';
import { compareCodeUnits } from '../code-unit-order.js';

// Problem SKUs (issue 6, report causes): the listings whose return rate is clearly above the seller's
// own in the same marketplace, most excess returns first, each with its reasons as a Pareto and the
// root cause they point to. "Clearly above": the lower end of the SKU's interval is above the rate of
// all the seller's units in that marketplace, so a SKU is never blamed on a handful of returns.
//
// Two steps, so that reasons are read only where they are shown: units per SKU find the problems, and
// only the problems the report details get their reasons. On the analytics bench that is 8,000 SKU
// totals and 20 SKUs' reasons, where the rows of every SKU and month (92,000, reasons as JSON) took
// 200 ms to read and 60 ms to sum here.

/** Units of one marketplace and SKU over the purchase months asked for (returns without an order line left out: no rate). */
export interface SkuUnits {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly shipped: number;
  readonly returned: number;
  /** Whether any of these units were shipped or returned through Amazon's fulfilment (the FBA returns fee applies). */
  readonly fba: boolean;
}

/** One reason category's units, with its share and the cumulative share of the reasons before it. */
export interface ParetoBar {
  readonly reason: string;
  readonly units: number;
  readonly share: number;
  readonly cumulative: number;
}

/** A SKU clearly above its marketplace's rate, before its reasons are read. */
export interface SkuExcess {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly shipped: number;
  readonly returned: number;
  readonly rate: ReturnRate;
  /** The marketplace's rate over all the seller's units. */
  readonly marketplaceRate: number;
  /** Units returned beyond what the marketplace's rate would bring: what fixing the listing can save. */
  readonly excessUnits: number;
}

export interface SkuCauses extends SkuExcess {
  readonly pareto: readonly ParetoBar[];
  readonly dominant: CauseShare | null;
}

export interface ProblemSkus {
  /** Per marketplace: units shipped and returned over all SKUs, and the reasons of all returns. */
  readonly marketplaces: readonly { marketplaceCode: string; shipped: number; returned: number; rate: number; pareto: readonly ParetoBar[] }[];
  /** Most excess units first. */
  readonly problems: readonly SkuExcess[];
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

/**
 * The problem SKUs among `skus`, and per marketplace the units and the reasons of all its returns
 * (`marketplaceReasons`: units by reason category per marketplace code, over the same months).
 */
export function problemSkus(skus: readonly SkuUnits[], marketplaceReasons: ReadonlyMap<string, Readonly<Record<string, number>>>, policy: PreventionPolicy): ProblemSkus {
  const markets = new Map<string, { shipped: number; returned: number }>();
  for (const s of skus) {
    const m = markets.get(s.marketplaceCode) ?? { shipped: 0, returned: 0 };
    m.shipped += s.shipped;
    m.returned += s.returned;
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
    .map(({ s, rate, marketplaceRate }): SkuExcess => ({
      marketplaceCode: s.marketplaceCode, sku: s.sku, shipped: s.shipped, returned: s.returned, rate, marketplaceRate,
      excessUnits: s.returned - s.shipped * marketplaceRate,
    }))
    .sort((a, b) => b.excessUnits - a.excessUnits || compareCodeUnits(a.marketplaceCode, b.marketplaceCode) || compareCodeUnits(a.sku, b.sku));
  const marketplaces = [...markets.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([marketplaceCode, m]) => ({
    marketplaceCode, shipped: m.shipped, returned: m.returned, rate: marketRate(marketplaceCode), pareto: paretoOf(marketplaceReasons.get(marketplaceCode) ?? {}),
  }));
  return { marketplaces, problems };
}

/** A problem SKU with its reasons (units by reason category over the same months) as a Pareto, and the root cause they point to. */
export function skuCauses(problem: SkuExcess, byReason: Readonly<Record<string, number>>): SkuCauses {
  return { ...problem, pareto: paretoOf(byReason), dominant: dominantCause(byReason).dominant };
}
