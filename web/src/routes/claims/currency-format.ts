import { formatMoney } from '../../format.js';

// The monthly totals carry a currency but no marketplace, and format.ts writes money in a
// marketplace's way: each currency is written as its home marketplace writes it (EUR as Germany,
// the largest euro marketplace). Only the writing depends on this; the amounts are the server's.
const homeMarketplace: Readonly<Record<string, string>> = {
  USD: 'US', CAD: 'CA', MXN: 'MX', BRL: 'BR', GBP: 'UK', EUR: 'DE', SEK: 'SE', PLN: 'PL', JPY: 'JP', AUD: 'AU', AED: 'AE', SGD: 'SG', INR: 'IN',
};

export function formatCurrencyTotal(amountMinor: number, currency: string): string {
  return formatMoney(amountMinor, currency, homeMarketplace[currency] ?? 'US');
}
