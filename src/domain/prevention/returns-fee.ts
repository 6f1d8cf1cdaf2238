import type { Money } from '../money.js';
import type { MarketplaceCode } from '../marketplaces.js';
import type { PreventionPolicy, ReturnsFeeThreshold } from './prevention-policy.js';
import { isProvisional } from './return-rates.js';
import { compareCodeUnits } from '../code-unit-order.js';

// Amazon's FBA returns processing fee (reference §1.4, from 2024-06-01): in a month when an FBA SKU's
// return rate is above its category's threshold and it shipped at least the exempt number of units,
// the returned units above the threshold carry a fee. ReturnDesk counts a month's shipped units with
// their later returns (Amazon's window is the ship month and the two after: close, not identical).

export interface ReturnsFeeFlag {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly category: string;
  readonly month: string;
  readonly shipped: number;
  readonly returned: number;
  readonly rate: number;
  /** The month's returns may still be coming (return-rates.ts `isProvisional`): the excess can only grow. */
  readonly provisional: boolean;
  readonly threshold: ReturnsFeeThreshold;
  /**
   * Returned units above threshold × shipped, that product rounded down: a unit counts as over once the
   * threshold's fraction is passed (12.8% of 100 allows 12 units; the 13th is over). All of them at a 0 threshold.
   */
  readonly excessUnits: number;
  /** excessUnits × the policy's fee per unit for the marketplace; null when the policy has none. */
  readonly exposure: Money | null;
}

export interface ReturnsFeeCheck {
  /** Highest exposure in units first. */
  readonly flags: readonly ReturnsFeeFlag[];
  /** FBA SKUs whose category has no threshold in the policy (or no category at all): not checked. */
  readonly unchecked: readonly { readonly marketplaceCode: string; readonly sku: string; readonly category: string | null }[];
}

/** The category's threshold in effect on the first day of `month` (YYYY-MM); the category compared without case. */
export function thresholdFor(policy: PreventionPolicy, category: string, month: string): ReturnsFeeThreshold | undefined {
  const day = `${month}-01`;
  const name = category.trim().toLowerCase();
  return policy.returnsFeeThresholds
    .filter((t) => t.category.trim().toLowerCase() === name && t.effectiveFrom <= day && (t.effectiveTo === undefined || day < t.effectiveTo))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

/** FBA units of one marketplace, SKU and purchase month: shipped, and returned of those (any later month). */
export interface FbaMonthUnits {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly month: string;
  readonly shipped: number;
  readonly returned: number;
}

/**
 * `skus`: every marketplace and SKU of the months asked for, `fba` when any of its units went through
 * FBA; a SKU without a category is not checked, whatever its months. `fbaMonths`: the FBA units per
 * month of the SKUs that have a category (of others they change nothing), in the order to keep among
 * flags that tie.
 */
export function returnsFeeFlags(
  skus: readonly { readonly marketplaceCode: string; readonly sku: string; readonly fba: boolean }[], fbaMonths: readonly FbaMonthUnits[],
  categoryOf: (sku: string) => string | null, policy: PreventionPolicy, returnsThrough: string | null = null,
): ReturnsFeeCheck {
  const unchecked = new Map<string, { marketplaceCode: string; sku: string; category: string | null }>();
  for (const s of skus) {
    if (s.fba && categoryOf(s.sku) === null) unchecked.set(`${s.marketplaceCode}\t${s.sku}`, { marketplaceCode: s.marketplaceCode, sku: s.sku, category: null });
  }
  const flags: ReturnsFeeFlag[] = [];
  const thresholdOf = thresholdsByMonth(policy);
  for (const m of fbaMonths) {
    const category = categoryOf(m.sku);
    const threshold = category === null ? undefined : thresholdOf(category, m.month);
    if (!threshold) {
      unchecked.set(`${m.marketplaceCode}\t${m.sku}`, { marketplaceCode: m.marketplaceCode, sku: m.sku, category });
      continue;
    }
    if (m.shipped < policy.returnsFeeMinShippedUnits || m.returned * 10_000 <= m.shipped * threshold.thresholdBps) continue;
    const excessUnits = m.returned - Math.floor((m.shipped * threshold.thresholdBps) / 10_000);
    const fee = policy.returnsFeePerUnit[m.marketplaceCode as MarketplaceCode];
    // Every field named, not `...m`: spreading made 14,700 flags (every FBA SKU of the bench a luggage) take 115 ms, not 19.
    flags.push({
      marketplaceCode: m.marketplaceCode, sku: m.sku, month: m.month, shipped: m.shipped, returned: m.returned, category: category!,
      rate: m.returned / m.shipped, provisional: isProvisional(m.month, returnsThrough, policy), threshold, excessUnits,
      exposure: fee ? { amountMinor: fee.amountMinor * excessUnits, currency: fee.currency } : null,
    });
  }
  return {
    flags: flags.sort((a, b) => b.excessUnits - a.excessUnits || compareCodeUnits(a.sku, b.sku) || compareCodeUnits(a.month, b.month)),
    unchecked: [...unchecked.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([, entry]) => entry),
  };
}

/** `thresholdFor`, asked once per category and month: a seller's SKUs share a few categories. */
function thresholdsByMonth(policy: PreventionPolicy): (category: string, month: string) => ReturnsFeeThreshold | undefined {
  const known = new Map<string, ReturnsFeeThreshold | undefined>();
  return (category, month) => {
    const key = `${category}\t${month}`;
    if (!known.has(key)) known.set(key, thresholdFor(policy, category, month));
    return known.get(key);
  };
}
