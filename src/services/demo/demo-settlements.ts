/**
 * Bi-weekly settlements: every shipped order line posts its price, taxes and Amazon's fees; every
 * refund posts the money going back, the commission Amazon returns and the refund administration
 * fee it keeps (the lesser of 5.00 and 20% of the refunded commission).
 */
import type { DemoWindow, OrderLine, Refund, Settlement, SettlementLine } from './demo-model.js';
import { categoryProfiles, DAY_MS, type MarketplaceScenario } from './demo-scenario.js';
import type { Random } from './prng.js';

const PERIOD_MS = 14 * DAY_MS;

/** FBA fulfillment fee per unit by weight (US cents; EUR cents in DE), standard size. */
function fulfillmentFee(scenario: MarketplaceScenario, weightGrams: number): number {
  const us: readonly [number, number][] = [[113, 306], [227, 322], [340, 345], [454, 375], [680, 440], [907, 475], [1361, 540]];
  const eu: readonly [number, number][] = [[100, 261], [250, 292], [500, 323], [1000, 384]];
  const table = scenario.code === 'US' ? us : eu;
  return table.find(([upTo]) => weightGrams <= upTo)?.[1] ?? (scenario.code === 'US' ? 640 : 470);
}

function commissionOn(line: OrderLine, amountMinor: number): number {
  return Math.round(amountMinor * categoryProfiles[line.product.category].commissionRate);
}

type Part = [SettlementLine['amountType'], string, number];

// US sales tax is collected and remitted by Amazon (marketplace facilitator), so it nets to zero.
function orderParts(line: OrderLine, scenario: MarketplaceScenario): Part[] {
  const us = scenario.code === 'US';
  const parts: Part[] = [['ItemPrice', 'Principal', line.itemPriceMinor]];
  if (us && line.itemTaxMinor > 0) parts.push(['ItemPrice', 'Tax', line.itemTaxMinor]);
  if (line.shippingMinor > 0) parts.push(['ItemPrice', 'Shipping', line.shippingMinor]);
  if (us && line.shippingTaxMinor > 0) parts.push(['ItemPrice', 'ShippingTax', line.shippingTaxMinor]);
  if (line.promotionMinor > 0) parts.push(['Promotion', 'Principal', -line.promotionMinor]);
  if (us && line.itemTaxMinor > 0) parts.push(['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', -line.itemTaxMinor]);
  if (us && line.shippingTaxMinor > 0) parts.push(['ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', -line.shippingTaxMinor]);
  parts.push(['ItemFees', 'Commission', -commissionOn(line, line.itemPriceMinor + line.shippingMinor - line.promotionMinor)]);
  if (line.channel === 'FBA') parts.push(['ItemFees', 'FBAPerUnitFulfillmentFee', -fulfillmentFee(scenario, line.product.weightGrams) * line.quantity]);
  return parts;
}

function refundParts(line: OrderLine, refund: Refund, scenario: MarketplaceScenario): Part[] {
  const us = scenario.code === 'US';
  const parts: Part[] = [['ItemPrice', 'Principal', -refund.principalMinor]];
  if (us && refund.taxMinor > 0) parts.push(['ItemPrice', 'Tax', -refund.taxMinor]);
  if (refund.shippingMinor > 0) parts.push(['ItemPrice', 'Shipping', -refund.shippingMinor]);
  if (refund.returnShippingMinor > 0) parts.push(['ItemPrice', 'ReturnShipping', refund.returnShippingMinor]);
  if (refund.promotionMinor > 0) parts.push(['Promotion', 'Principal', refund.promotionMinor]);
  if (us && refund.taxMinor > 0) parts.push(['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', refund.taxMinor]);
  const commission = commissionOn(line, refund.principalMinor + refund.shippingMinor - refund.promotionMinor);
  parts.push(['ItemFees', 'Commission', commission]);
  parts.push(['ItemFees', 'RefundCommission', -Math.min(500, Math.round(commission * 0.2))]);
  return parts;
}

function toLines(line: OrderLine, parts: Part[], transactionType: SettlementLine['transactionType'], postedAt: number, quantity: number, refund?: Refund): SettlementLine[] {
  return parts.map(([amountType, amountDescription, amountMinor]) => ({
    transactionType, line, amountType, amountDescription, amountMinor, postedAt, quantity,
    adjustmentId: refund?.adjustmentId ?? '',
    merchantAdjustmentItemId: refund?.merchantAdjustmentItemId ?? '',
  }));
}

// Settlements close every 14 days, the last one at the end of the window; the first is partial.
function emptySettlements(random: Random, scenario: MarketplaceScenario, window: DemoWindow): Settlement[] {
  const count = Math.ceil((window.endMs - window.startMs) / PERIOD_MS);
  let id = 10_000_000_000 + random.int(0, 9_000_000_000);
  return Array.from({ length: count }, (_, k) => {
    const endAt = window.endMs - (count - 1 - k) * PERIOD_MS;
    id += random.int(80_000, 400_000);
    return {
      marketplace: scenario.code, settlementId: String(id), startAt: Math.max(window.startMs, endAt - PERIOD_MS), endAt,
      depositAt: endAt + 3 * DAY_MS, totalMinor: 0, lines: [],
    };
  });
}

/**
 * The marketplace's settlements over the window: order lines post when shipped, refunds when issued.
 * `refunds` pairs each refund with its order line; refunds after the window are left out.
 */
export function simulateSettlements(random: Random, scenario: MarketplaceScenario, lines: readonly OrderLine[], refunds: readonly (readonly [OrderLine, Refund])[], window: DemoWindow): Settlement[] {
  const settlements = emptySettlements(random, scenario, window);
  const post = (rows: SettlementLine[]): void => {
    for (const row of rows) {
      const fromEnd = Math.floor((window.endMs - row.postedAt) / PERIOD_MS);
      const settlement = settlements[Math.max(0, settlements.length - 1 - fromEnd)]!;
      settlement.lines.push(row);
      settlement.totalMinor += row.amountMinor;
    }
  };
  for (const line of lines) {
    if (line.shippedAt !== null) post(toLines(line, orderParts(line, scenario), 'Order', line.shippedAt, line.quantity));
  }
  for (const [line, refund] of refunds) {
    if (refund.at <= window.endMs) post(toLines(line, refundParts(line, refund, scenario), 'Refund', refund.at, refund.quantity, refund));
  }
  for (const settlement of settlements) settlement.lines.sort((a, b) => a.postedAt - b.postedAt);
  return settlements;
}
