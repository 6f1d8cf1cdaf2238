/**
 * Seller-fulfilled returns: Amazon's prepaid label (APRL), refunds at first scan, returnless refunds
 * for cheap items, replacements for dead electronics, and the odd SAFE-T claim (reference §4.2-4.8).
 */
import { pickReturnCarrier } from './demo-places.js';
import type { DemoWindow, MfnReturn, Refund, SafetClaim } from './demo-model.js';
import { isSellerFault } from './demo-reasons.js';
import { buildRefund, type ReturnPlan } from './demo-return-plan.js';
import { DAY_MS, HOUR_MS, type MarketplaceScenario } from './demo-scenario.js';
import { DIGITS, MIXED_ALNUM, type Random } from './prng.js';

// The seller's returnless rule: refund without asking for the item back below this unit price.
const returnlessBelowMinor: Record<string, number> = { US: 1500, UK: 1300 };

function pickResolution(random: Random, plan: ReturnPlan, scenario: MarketplaceScenario): MfnReturn['resolution'] {
  const unitPrice = plan.line.itemPriceMinor / plan.line.quantity;
  if (!plan.late && unitPrice <= (returnlessBelowMinor[scenario.code] ?? 0) && random.chance(0.7)) return 'ReturnlessRefund';
  const category = plan.line.product.category;
  if (plan.reason === 'DEFECTIVE' && (category === 'electronics' || category === 'phone-accessories') && random.chance(0.35)) return 'ReplacementIssued';
  if (scenario.code === 'US' && random.chance(0.3)) return 'RefundAtFirstScan';
  return 'StandardRefund';
}

function labelCost(random: Random, plan: ReturnPlan, scenario: MarketplaceScenario): number {
  const perHundredGrams = scenario.code === 'US' ? 40 : 25;
  const base = scenario.code === 'US' ? 399 : 285;
  return base + Math.round((plan.line.product.weightGrams / 100) * perHundredGrams) + random.int(0, 60);
}

function refundFor(random: Random, plan: ReturnPlan, at: number, labelPaidBy: MfnReturn['labelPaidBy'], label: number, restocking: boolean): Refund {
  const refund = buildRefund(random, plan.line, plan.quantity, at, {
    shippingMinor: isSellerFault(plan.reason) ? plan.line.shippingMinor : 0,
    returnShippingMinor: labelPaidBy === 'Customer' ? label : 0,
  });
  // A used or incomplete unit returned for a buyer-fault reason: 20% restocking fee (reference §4.5).
  if (restocking) {
    refund.principalMinor = Math.round(refund.principalMinor * 0.8);
    refund.taxMinor = Math.round(refund.taxMinor * 0.8);
  }
  return refund;
}

function safetClaim(random: Random, refund: Refund, deliveredAt: number | null, orderValue: number, endMs: number): SafetClaim | null {
  const notReturned = deliveredAt === null;
  const createdAt = notReturned ? refund.at + random.int(15, 25) * DAY_MS : deliveredAt + random.int(1, 6) * DAY_MS;
  if (createdAt > endMs) return null;
  const state: SafetClaim['state'] = createdAt < endMs - 10 * DAY_MS ? random.weighted({ Granted: 65, Denied: 35 }) : 'Under review';
  return {
    actionReason: notReturned ? 'Item not returned' : random.pick(['Item returned damaged or used', 'Item returned materially different']),
    claimId: `${random.int(1, 9)}${random.chars(DIGITS, 9)}`,
    state,
    createdAt,
    reimbursementMinor: state === 'Granted' ? (notReturned ? orderValue : Math.round(orderValue * 0.5)) : null,
  };
}

function buildReturnless(random: Random, plan: ReturnPlan): MfnReturn {
  return {
    kind: 'mfn', line: plan.line, quantity: plan.quantity, reason: plan.reason, requestedAt: plan.requestedAt,
    refund: refundFor(random, plan, plan.requestedAt + random.int(1, 6) * HOUR_MS, null, 0, false),
    status: 'Closed', amazonRmaId: null, merchantRmaId: null, labelCostMinor: null, carrier: null, trackingId: null,
    labelPaidBy: null, aToZClaim: false, inPolicy: true, resolution: 'ReturnlessRefund', deliveredAt: null, safet: null,
  };
}

function buildPending(random: Random, plan: ReturnPlan): MfnReturn {
  return {
    kind: 'mfn', line: plan.line, quantity: plan.quantity, reason: plan.reason, requestedAt: plan.requestedAt, refund: null,
    status: 'Pending', amazonRmaId: `${random.chars(MIXED_ALNUM, 8)}RRMA`, merchantRmaId: null, labelCostMinor: null, carrier: null,
    trackingId: null, labelPaidBy: null, aToZClaim: false, inPolicy: false, resolution: 'StandardRefund', deliveredAt: null, safet: null,
  };
}

interface Journey { refundAt: number | null; deliveredAt: number }

// APRL refunds at the carrier's first scan; a standard refund waits for the parcel to arrive.
function planJourney(random: Random, plan: ReturnPlan, resolution: MfnReturn['resolution']): Journey {
  const firstScan = plan.requestedAt + random.int(1, 3) * DAY_MS + random.int(0, 10) * HOUR_MS;
  const deliveredAt = firstScan + random.int(3, 7) * DAY_MS + random.int(0, 10) * HOUR_MS;
  if (resolution === 'ReplacementIssued') return { refundAt: null, deliveredAt };
  if (resolution === 'RefundAtFirstScan') return { refundAt: firstScan, deliveredAt };
  return { refundAt: deliveredAt + random.int(4, 40) * HOUR_MS, deliveredAt };
}

/** One MFN return request, authorized (or waiting for the seller when it is out of policy). */
export function buildMfnReturn(random: Random, plan: ReturnPlan, scenario: MarketplaceScenario, window: DemoWindow): MfnReturn {
  if (plan.late && plan.requestedAt > window.endMs - 2 * DAY_MS) return buildPending(random, plan);
  const resolution = pickResolution(random, plan, scenario);
  if (resolution === 'ReturnlessRefund') return buildReturnless(random, plan);
  const sellerFault = isSellerFault(plan.reason);
  const labelPaidBy = sellerFault ? 'Seller' : 'Customer';
  const label = labelCost(random, plan, scenario);
  const journey = planJourney(random, plan, resolution);
  const restocking = !sellerFault && resolution === 'StandardRefund' && random.chance(0.08);
  const refund = journey.refundAt !== null && journey.refundAt <= window.endMs ? refundFor(random, plan, journey.refundAt, labelPaidBy, label, restocking) : null;
  let deliveredAt: number | null = journey.deliveredAt <= window.endMs ? journey.deliveredAt : null;
  let safet: SafetClaim | null = null;
  if (refund && resolution === 'RefundAtFirstScan' && !sellerFault && random.chance(0.6)) {
    if (random.chance(0.3)) deliveredAt = null;
    safet = safetClaim(random, refund, deliveredAt, plan.line.itemPriceMinor, window.endMs);
  }
  const done = resolution === 'RefundAtFirstScan' ? refund !== null && (deliveredAt !== null || safet !== null) : deliveredAt !== null && (refund !== null || resolution === 'ReplacementIssued');
  const { carrier, trackingId } = pickReturnCarrier(random, scenario.code);
  return {
    kind: 'mfn', line: plan.line, quantity: plan.quantity, reason: plan.reason, requestedAt: plan.requestedAt, refund,
    status: done ? random.weighted({ Closed: 85, Completed: 15 }) : 'Approved',
    amazonRmaId: `${random.chars(MIXED_ALNUM, 8)}RRMA`, merchantRmaId: null, labelCostMinor: label, carrier, trackingId,
    labelPaidBy, aToZClaim: random.chance(0.015), inPolicy: !plan.late, resolution, deliveredAt, safet,
  };
}
