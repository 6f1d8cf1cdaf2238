import { DomainError } from '../errors.js';
import { roundHalfAwayFromZero } from '../money.js';

/** Where a case's price can come from: the order line in Amazon's return report, and the seller's product sheet. */
export interface PriceSources {
  readonly caseId: number;
  readonly sku: string;
  /** Units returned, used when the report gives no order quantity. */
  readonly quantity: number;
  readonly order: { readonly amountMinor: number | null; readonly quantity: number | null; readonly currency: string | null };
  readonly sheet: { readonly priceMinor: number | null; readonly currency: string | null } | null;
}

/**
 * The unit price of a case in the marketplace currency: what the buyer paid (the report's order amount
 * divided by its order quantity) wins over the list price in the product sheet. `invalid_input` when
 * neither is known in that currency, saying what to import.
 */
export function unitPriceOf(sources: PriceSources, currency: string): number {
  const { order, sheet } = sources;
  if (order.amountMinor !== null && order.currency === currency) {
    // Integer ÷ small integer is correctly rounded, so an exact half stays exact before rounding.
    return roundHalfAwayFromZero(order.amountMinor / Math.max(1, order.quantity ?? sources.quantity));
  }
  if (sheet?.priceMinor != null && sheet.currency === currency) return sheet.priceMinor;
  throw new DomainError('invalid_input', `Case ${sources.caseId} has no price in ${currency}: its return report row has no order amount and SKU ${sources.sku} has no ${currency} price in the product sheet; import the product sheet with prices.`, { caseId: sources.caseId, sku: sources.sku, currency });
}
