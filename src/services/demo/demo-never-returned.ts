/**
 * The refunds whose units never reached the fulfillment center. Amazon should charge the buyer and
 * reimburse the seller after 60 days (reference §4.9); it does for some, the rest wait for a claim.
 * Refund ages are chosen so that, at the end of the demo year, some are inside the claim window
 * (US 60-120 days after the refund, EU 45-105), one is past it, and one was reimbursed and then
 * reversed because the unit turned up after all.
 */
import type { DemoMarketplaceCode, DemoWindow, FbaReturn, NeverReturnedFate } from './demo-model.js';
import { DAY_MS, story } from './demo-scenario.js';
import type { Random } from './prng.js';

/** Refund age ranges in days before the end of the window, per fate. */
const refundAges: Record<'US' | 'DE', Record<NeverReturnedFate, readonly [number, number]>> = {
  US: { claimable: [70, 110], reimbursed: [80, 300], expired: [135, 220], reversed: [115, 300] },
  DE: { claimable: [55, 95], reimbursed: [75, 300], expired: [115, 220], reversed: [115, 300] },
};

const fates: readonly NeverReturnedFate[] = ['claimable', 'expired', 'reversed', 'reimbursed'];

function isCandidate(item: FbaReturn, window: DemoWindow, ages: readonly [number, number]): boolean {
  const age = (window.endMs - item.refund.at) / DAY_MS;
  return item.neverReturned === null && !item.badBatch && item.line.quantity === 1
    && item.line.product.sku !== story.misleading.sku && item.disposition !== 'DAMAGED'
    && item.disposition !== 'CARRIER_DAMAGED' && age >= ages[0] && age <= ages[1];
}

function markOne(random: Random, item: FbaReturn, fate: NeverReturnedFate): void {
  item.neverReturned = fate;
  item.processedAt = null;
  if (fate === 'reversed') {
    // The unit arrives about 80 days after the refund, after Amazon's reimbursement at ~60 days.
    item.processedAt = item.refund.at + random.int(78, 92) * DAY_MS;
    item.disposition = 'SELLABLE';
    item.status = 'Unit returned to inventory';
  }
}

/** Marks the story's never-returned FBA refunds in place; a marketplace without a plan is left alone. */
export function markNeverReturned(random: Random, marketplace: DemoMarketplaceCode, returns: readonly FbaReturn[], window: DemoWindow): void {
  if (marketplace !== 'US' && marketplace !== 'DE') return;
  const plan = story.neverReturned[marketplace];
  for (const fate of fates) {
    for (let i = 0; i < plan[fate]; i++) {
      const candidates = returns.filter((item) => isCandidate(item, window, refundAges[marketplace][fate]));
      if (candidates.length === 0) break;
      markOne(random, random.pick(candidates), fate);
    }
  }
}
