import { parseAmount } from '../amount-text.js';
import { DomainError } from '../errors.js';
import type { RequestedFee } from './refund-input.js';

/**
 * The restocking fee as a person types it: `none`, `max` (the most the case allows), a percent of the
 * item price (`15%`, `12.5 %`) or an amount in the order's currency (`4.00`, `4,00 €`).
 */
export function parseRequestedFee(text: string, currency: string, decimalSeparator: '.' | ','): RequestedFee {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'none' || value === '0') return 'none';
  if (value === 'max') return 'max';
  const percent = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%$/.exec(value);
  if (percent) {
    const bps = Math.round(Number(percent[1]!.replace(',', '.')) * 100);
    if (bps > 10_000) throw new DomainError('invalid_input', `A restocking fee of ${text} is more than the whole price.`, { fee: text });
    return { bps };
  }
  let amountMinor: number;
  try {
    amountMinor = parseAmount(text, currency, decimalSeparator);
  } catch {
    amountMinor = -1;
  }
  if (amountMinor < 0) throw new DomainError('invalid_input', `"${text}" is not a restocking fee: write none, max, a percent such as 15%, or an amount such as 4.00.`, { fee: text });
  return { amountMinor };
}
