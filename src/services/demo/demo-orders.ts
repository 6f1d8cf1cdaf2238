/** A year of order lines per marketplace: seasonal demand, FBA and MFN offers, prices and taxes. */
import { pickAddress } from './demo-places.js';
import { priceInMarketplace } from './demo-products.js';
import type { Channel, DemoProduct, DemoWindow, OrderLine, ShipAddress } from './demo-model.js';
import { DAY_MS, demandFactor, HOUR_MS, type MarketplaceScenario } from './demo-scenario.js';
import { DIGITS, MIXED_ALNUM, type Random } from './prng.js';

interface OfferEntry {
  product: DemoProduct;
  channel: Channel;
  weight: number;
}

interface OrderContext {
  orderId: string;
  purchasedAt: number;
  channel: Channel;
  status: OrderLine['status'];
  shippedAt: number | null;
  address: ShipAddress;
  shipServiceLevel: string;
  isPrime: boolean;
  isBusinessOrder: boolean;
  purchaseOrderNumber: string | null;
  shipmentId: string | null;
}

// A SKU offered both ways wins the Buy Box with its FBA offer most of the time.
function listOffers(products: readonly DemoProduct[], scenario: MarketplaceScenario): OfferEntry[] {
  return products.flatMap((product): OfferEntry[] => {
    const offer = product.offers[scenario.code];
    if (!offer) return [];
    if (offer !== 'both') return [{ product, channel: offer, weight: product.popularity }];
    return [{ product, channel: 'FBA', weight: product.popularity * 0.7 }, { product, channel: 'MFN', weight: product.popularity * 0.3 }];
  });
}

function pickOffer(random: Random, offers: readonly OfferEntry[]): OfferEntry {
  return offers[random.weightedIndex(offers.map((offer) => offer.weight))]!;
}

function newOrderId(random: Random, scenario: MarketplaceScenario, used: Set<string>): string {
  for (;;) {
    const id = `${random.pick(scenario.orderIdPrefixes)}-${random.chars(DIGITS, 7)}-${random.chars(DIGITS, 7)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function pickServiceLevel(random: Random, scenario: MarketplaceScenario, channel: Channel): string {
  if (channel === 'MFN') return 'Standard';
  if (scenario.code === 'US') return random.weighted({ Expedited: 65, Standard: 25, SecondDay: 7, NextDay: 3 });
  if (scenario.code === 'JP') return random.weighted({ Standard: 70, Expedited: 30 });
  return random.weighted({ Expedited: 60, Standard: 40 });
}

function createContext(random: Random, scenario: MarketplaceScenario, channel: Channel, purchasedAt: number, ids: Set<string>, endMs: number): OrderContext {
  const shipDelay = channel === 'FBA' ? random.int(4, 30) : random.int(12, 54);
  const cancelled = random.chance(0.015);
  const shipAt = purchasedAt + shipDelay * HOUR_MS + random.int(0, HOUR_MS);
  const shipped = !cancelled && shipAt <= endMs;
  const isBusinessOrder = random.chance(0.03);
  return {
    orderId: newOrderId(random, scenario, ids),
    purchasedAt,
    channel,
    status: cancelled ? 'Cancelled' : shipped ? 'Shipped' : 'Pending',
    shippedAt: shipped ? shipAt : null,
    address: pickAddress(random, scenario.code),
    shipServiceLevel: pickServiceLevel(random, scenario, channel),
    isPrime: channel === 'FBA' || (scenario.code === 'US' && random.chance(0.1)),
    isBusinessOrder,
    purchaseOrderNumber: isBusinessOrder && random.chance(0.4) ? `PO-${random.chars(DIGITS, 5)}` : null,
    shipmentId: channel === 'FBA' && shipped ? `D${random.chars(MIXED_ALNUM, 8)}` : null,
  };
}

function taxOn(amountMinor: number, scenario: MarketplaceScenario, address: ShipAddress): number {
  // US sales tax is added on top; EU and JP prices already include VAT, so the tax is the VAT share.
  if (scenario.vatRate === 0) return Math.round(amountMinor * address.salesTaxRate);
  return Math.round((amountMinor * scenario.vatRate) / (1 + scenario.vatRate));
}

function shippingCharge(scenario: MarketplaceScenario, context: OrderContext, itemPriceMinor: number): number {
  if (context.channel === 'FBA' || context.isPrime) return 0;
  if (scenario.code === 'US') return itemPriceMinor < 2500 ? 399 : 0;
  return itemPriceMinor < 2000 ? 249 : 0;
}

function createLine(random: Random, scenario: MarketplaceScenario, context: OrderContext, product: DemoProduct): OrderLine {
  const multiPack = product.category === 'phone-accessories' || product.sku.startsWith('AP-SOCK');
  const quantity = 1 + random.weightedIndex(multiPack ? [80, 16, 4] : [92, 7, 1]);
  const units = context.status === 'Cancelled' ? 0 : quantity;
  const itemPriceMinor = priceInMarketplace(product, scenario.code) * units;
  const promoPercent = units > 0 && random.chance(0.08) ? random.pick([10, 15, 20]) : 0;
  const promotionMinor = Math.round((itemPriceMinor * promoPercent) / 100);
  const shippingMinor = shippingCharge(scenario, context, itemPriceMinor);
  return {
    marketplace: scenario.code,
    orderId: context.orderId,
    orderItemId: random.chars(DIGITS, 14),
    channel: context.channel,
    product,
    purchasedAt: context.purchasedAt,
    shippedAt: context.shippedAt,
    status: context.status,
    quantity: units,
    itemPriceMinor,
    itemTaxMinor: taxOn(itemPriceMinor - promotionMinor, scenario, context.address),
    shippingMinor,
    shippingTaxMinor: taxOn(shippingMinor, scenario, context.address),
    promotionMinor,
    promotionId: promotionMinor > 0 ? `VPC-44-${random.chars(DIGITS, 8)} Coupon` : null,
    shipServiceLevel: context.shipServiceLevel,
    address: context.address,
    isBusinessOrder: context.isBusinessOrder,
    purchaseOrderNumber: context.purchaseOrderNumber,
    isPrime: context.isPrime,
    shipmentId: context.shipmentId,
    lastUpdatedAt: context.shippedAt ?? context.purchasedAt + random.int(1, 6) * HOUR_MS,
  };
}

function createOrder(random: Random, scenario: MarketplaceScenario, offers: readonly OfferEntry[], purchasedAt: number, ids: Set<string>, endMs: number): OrderLine[] {
  const first = pickOffer(random, offers);
  const chosen = [first.product];
  if (random.chance(0.1)) {
    const companions = offers.filter((offer) => offer.channel === first.channel && offer.product !== first.product);
    if (companions.length > 0) chosen.push(pickOffer(random, companions).product);
  }
  const context = createContext(random, scenario, first.channel, purchasedAt, ids, endMs);
  return chosen.map((product) => createLine(random, scenario, context, product));
}

/** Order lines purchased in the window, sorted by purchase time as the All Orders report lists them. */
export function simulateOrders(random: Random, scenario: MarketplaceScenario, products: readonly DemoProduct[], window: DemoWindow): OrderLine[] {
  const offers = listOffers(products, scenario);
  const ids = new Set<string>();
  const lines: OrderLine[] = [];
  const days = Math.round((window.endMs - window.startMs) / DAY_MS);
  for (let day = 0; day < days; day++) {
    const dayStart = window.startMs + day * DAY_MS;
    const count = random.poisson(scenario.ordersPerDay * demandFactor(dayStart, day / days));
    for (let i = 0; i < count; i++) {
      const purchasedAt = dayStart + random.int(0, DAY_MS - 1);
      if (purchasedAt <= window.endMs) lines.push(...createOrder(random, scenario, offers, purchasedAt, ids, window.endMs));
    }
  }
  return lines.sort((a, b) => a.purchasedAt - b.purchasedAt);
}
