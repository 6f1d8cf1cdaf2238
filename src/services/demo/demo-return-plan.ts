/**
 * Which order lines come back, why and when: the part every return shares, FBA or MFN.
 */
import type { DemoWindow, Language, OrderLine, Refund } from './demo-model.js';
import type { DemoReason } from './demo-reasons.js';
import { badBatchMonth, categoryProfiles, DAY_MS, HOUR_MS, isHolidayOrder, type MarketplaceScenario, story } from './demo-scenario.js';
import { DIGITS, type Random } from './prng.js';

/** What every return starts from, FBA or MFN. */
export interface ReturnPlan {
  line: OrderLine;
  quantity: number;
  reason: DemoReason;
  requestedAt: number;
  /** Requested more than 30 days after delivery (out of policy for MFN). */
  late: boolean;
  badBatch: boolean;
}

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function languageOf(scenario: MarketplaceScenario): Language {
  return scenario.code === 'DE' ? 'de' : scenario.code === 'JP' ? 'ja' : 'en';
}

export function pickReason(random: Random, line: OrderLine): DemoReason {
  const isMisleading = line.product.sku === story.misleading.sku;
  const weights: Partial<Record<DemoReason, number>> = { ...(isMisleading ? story.misleading.reasons : categoryProfiles[line.product.category].reasons) };
  // Unwanted gifts dominate the January returns of holiday orders.
  if (isHolidayOrder(line.purchasedAt)) weights.UNWANTED_ITEM = (weights.UNWANTED_ITEM ?? 0) * 2 + 3;
  return random.weighted(weights);
}

function returnRate(line: OrderLine, scenario: MarketplaceScenario): number {
  const base = line.product.sku === story.misleading.sku ? story.misleading.returnRate : categoryProfiles[line.product.category].returnRate;
  return base * scenario.returnRateFactor * (isHolidayOrder(line.purchasedAt) ? story.holidayReturnBoost : 1);
}

/** Days from delivery to the return request: most buyers decide within two weeks. */
function requestDelay(random: Random, reason: DemoReason, badBatch: boolean, late: boolean): number {
  if (late) return random.int(31, 44) * DAY_MS;
  if (badBatch) return random.int(2, 9) * DAY_MS;
  const days = reason === 'DAMAGED_BY_CARRIER' || reason === 'SWITCHEROO' ? random.int(1, 4) : 1 + Math.floor(random.next() ** 2 * 27);
  return days * DAY_MS + random.int(0, 20) * HOUR_MS;
}

/** Holiday returns wait for the new year: Amazon accepts them until January 31. */
function holidayRequest(random: Random, deliveredAt: number): number {
  const delivered = new Date(deliveredAt);
  const year = delivered.getUTCFullYear();
  const boxingDay = Date.UTC(year, 11, 26);
  return Math.max(deliveredAt + DAY_MS, boxingDay) + random.int(0, 24) * DAY_MS + random.int(8, 22) * HOUR_MS;
}

/** Decides whether a shipped line comes back; null when it is kept (or the request is after the window). */
export function planReturn(random: Random, line: OrderLine, scenario: MarketplaceScenario, window: DemoWindow): ReturnPlan | null {
  if (line.status !== 'Shipped' || line.shippedAt === null) return null;
  const batch = badBatchMonth(window.endMs);
  const inBatch = line.product.sku === story.badBatch.sku && line.purchasedAt >= batch.startMs && line.purchasedAt < batch.endMs;
  const badBatch = inBatch && random.chance(story.badBatch.defectRate);
  if (!badBatch && !random.chance(returnRate(line, scenario))) return null;
  const reason: DemoReason = badBatch ? 'DEFECTIVE' : pickReason(random, line);
  const deliveredAt = line.shippedAt + (line.channel === 'FBA' ? random.int(1, 3) : random.int(3, 6)) * DAY_MS;
  const late = !badBatch && random.chance(0.03);
  const giftReturn = isHolidayOrder(line.purchasedAt) && !badBatch && random.chance(0.5);
  const requestedAt = giftReturn ? holidayRequest(random, deliveredAt) : deliveredAt + requestDelay(random, reason, badBatch, late);
  if (requestedAt > window.endMs) return null;
  const quantity = line.quantity >= 2 && random.chance(0.4) ? line.quantity : 1;
  return { line, quantity, reason, requestedAt, late: late && !giftReturn, badBatch };
}

/** A refund of `quantity` units of the line: price, tax and promotion in proportion. */
export function buildRefund(random: Random, line: OrderLine, quantity: number, at: number, extra: Partial<Refund> = {}): Refund {
  const share = quantity / line.quantity;
  return {
    at,
    adjustmentId: `${random.int(1, 9)}${random.chars(DIGITS, 13)}`,
    merchantAdjustmentItemId: `amzn1:crow:${random.chars(base64url, 22)}`,
    quantity,
    principalMinor: Math.round(line.itemPriceMinor * share),
    taxMinor: Math.round(line.itemTaxMinor * share),
    shippingMinor: 0,
    promotionMinor: Math.round(line.promotionMinor * share),
    returnShippingMinor: 0,
    ...extra,
  };
}
