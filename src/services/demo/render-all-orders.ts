/** Rows of the All Orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL, reference §2.3). */
import { requireMarketplace } from '../../domain/marketplaces.js';
import { formatAmount, formatIsoWithOffset } from './demo-format.js';
import type { OrderLine } from './demo-model.js';
import { titleInMarketplace } from './demo-products.js';
import type { MarketplaceScenario } from './demo-scenario.js';

const itemStatus: Record<OrderLine['status'], string> = { Shipped: 'Shipped', Pending: 'Unshipped', Cancelled: 'Cancelled' };

function renderLine(line: OrderLine, scenario: MarketplaceScenario): string[] {
  const marketplace = requireMarketplace(scenario.code);
  // Amazon JP writes yen with two decimals (`1480.00`); cancelled lines carry no amounts.
  const decimals = scenario.code === 'JP' ? 2 : undefined;
  const money = (minor: number): string => (line.status === 'Cancelled' ? '' : formatAmount(minor, marketplace.currency, marketplace.decimalSeparator, decimals));
  const date = (ms: number): string => formatIsoWithOffset(ms, scenario.orderDateOffsetMinutes);
  return [
    line.orderId, '', date(line.purchasedAt), date(line.lastUpdatedAt), line.status,
    line.channel === 'FBA' ? 'Amazon' : 'Merchant', marketplace.salesChannel, '', line.shipServiceLevel,
    titleInMarketplace(line.product, scenario.code), line.product.sku, line.product.asin, itemStatus[line.status],
    String(line.quantity), marketplace.currency, money(line.itemPriceMinor), money(line.itemTaxMinor),
    money(line.shippingMinor), money(line.shippingTaxMinor), '', '',
    line.promotionMinor > 0 ? money(-line.promotionMinor) : money(0), money(0),
    line.address.city, line.address.state, line.address.postalCode, line.address.country,
    line.promotionId ?? '', '', line.isBusinessOrder ? 'true' : 'false', line.purchaseOrderNumber ?? '',
    line.isBusinessOrder ? 'BusinessPrice' : '',
  ];
}

export function renderAllOrders(lines: readonly OrderLine[], scenario: MarketplaceScenario): string[][] {
  return lines.map((line) => renderLine(line, scenario));
}
