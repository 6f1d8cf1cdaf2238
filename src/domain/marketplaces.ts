import { DomainError } from './errors.js';

/**
 * The Amazon marketplaces ReturnDesk knows. Marketplace ids are Amazon's (SP-API "Marketplace IDs");
 * `salesChannel` is how the All Orders and settlement reports name the marketplace.
 * `decimalSeparator` is how the marketplace's report files write amounts (`12,50` in the EU).
 * `weekendDays` (0 = Sunday) feed the business calendar for deadlines; holidays come from policy data.
 * `dayFirst`: how a slashed date like 03/04/2025 reads in the marketplace's UI downloads (month first
 * in the US and Canada, day first elsewhere; Japan writes YYYY/MM/DD, which is unambiguous).
 */
export interface Marketplace {
  readonly id: string;
  readonly code: MarketplaceCode;
  readonly country: string;
  readonly currency: string;
  readonly language: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly salesChannel: string;
  readonly region: 'NA' | 'EU' | 'FE';
  readonly decimalSeparator: '.' | ',';
  readonly dayFirst: boolean;
  readonly weekendDays: readonly number[];
}

export const marketplaceCodes = [
  'US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'JP', 'AU', 'AE', 'SG', 'IN',
] as const;
export type MarketplaceCode = (typeof marketplaceCodes)[number];

const satSun = [6, 0] as const;

function define(
  code: MarketplaceCode, id: string, country: string, currency: string, locale: string,
  timeZone: string, salesChannel: string, region: Marketplace['region'], decimalSeparator: '.' | ',',
): Marketplace {
  const language = locale.slice(0, 2);
  const dayFirst = code !== 'US' && code !== 'CA';
  return Object.freeze({ id, code, country, currency, language, locale, timeZone, salesChannel, region, decimalSeparator, dayFirst, weekendDays: satSun });
}

// Ids: Amazon "SP-API Endpoints" marketplace table (reference §3.3); SE and PL from the same table.
export const marketplaces: readonly Marketplace[] = Object.freeze([
  define('US', 'ATVPDKIKX0DER', 'US', 'USD', 'en-US', 'America/Los_Angeles', 'Amazon.com', 'NA', '.'),
  define('CA', 'A2EUQ1WTGCTBG2', 'CA', 'CAD', 'en-CA', 'America/Toronto', 'Amazon.ca', 'NA', '.'),
  define('MX', 'A1AM78C64UM0Y8', 'MX', 'MXN', 'es-MX', 'America/Mexico_City', 'Amazon.com.mx', 'NA', '.'),
  define('BR', 'A2Q3Y263D00KWC', 'BR', 'BRL', 'pt-BR', 'America/Sao_Paulo', 'Amazon.com.br', 'NA', ','),
  define('UK', 'A1F83G8C2ARO7P', 'GB', 'GBP', 'en-GB', 'Europe/London', 'Amazon.co.uk', 'EU', '.'),
  define('DE', 'A1PA6795UKMFR9', 'DE', 'EUR', 'de-DE', 'Europe/Berlin', 'Amazon.de', 'EU', ','),
  define('FR', 'A13V1IB3VIYZZH', 'FR', 'EUR', 'fr-FR', 'Europe/Paris', 'Amazon.fr', 'EU', ','),
  define('IT', 'APJ6JRA9NG5V4', 'IT', 'EUR', 'it-IT', 'Europe/Rome', 'Amazon.it', 'EU', ','),
  define('ES', 'A1RKKUPIHCS9HS', 'ES', 'EUR', 'es-ES', 'Europe/Madrid', 'Amazon.es', 'EU', ','),
  define('NL', 'A1805IZSGTT6HS', 'NL', 'EUR', 'nl-NL', 'Europe/Amsterdam', 'Amazon.nl', 'EU', ','),
  define('SE', 'A2NODRKZP88ZB9', 'SE', 'SEK', 'sv-SE', 'Europe/Stockholm', 'Amazon.se', 'EU', ','),
  define('PL', 'A1C3SOZRARQ6R3', 'PL', 'PLN', 'pl-PL', 'Europe/Warsaw', 'Amazon.pl', 'EU', ','),
  define('JP', 'A1VC38T7YXB528', 'JP', 'JPY', 'ja-JP', 'Asia/Tokyo', 'Amazon.co.jp', 'FE', '.'),
  define('AU', 'A39IBJ37TRP1C6', 'AU', 'AUD', 'en-AU', 'Australia/Sydney', 'Amazon.com.au', 'FE', '.'),
  define('AE', 'A2VIGQ35RCS4UG', 'AE', 'AED', 'en-AE', 'Asia/Dubai', 'Amazon.ae', 'EU', '.'),
  define('SG', 'A19VAU5U5O7RUS', 'SG', 'SGD', 'en-SG', 'Asia/Singapore', 'Amazon.sg', 'FE', '.'),
  define('IN', 'A21TJRUUN4KGV', 'IN', 'INR', 'en-IN', 'Asia/Kolkata', 'Amazon.in', 'EU', '.'),
]);

const byKey = new Map<string, Marketplace>();
for (const m of marketplaces) {
  byKey.set(m.code, m);
  byKey.set(m.id.toUpperCase(), m);
  byKey.set(m.salesChannel.toUpperCase(), m);
}
byKey.set('GB', byKey.get('UK')!);

/** Finds a marketplace by code (`DE`), Amazon id (`A1PA6795UKMFR9`) or sales channel (`Amazon.de`). */
export function findMarketplace(key: string): Marketplace | undefined {
  return byKey.get(key.trim().toUpperCase());
}

/** Like {@link findMarketplace}, but an unknown key is a user error naming the known codes. */
export function requireMarketplace(key: string): Marketplace {
  const found = findMarketplace(key);
  if (!found) {
    throw new DomainError('invalid_input', `Unknown marketplace "${key}". Use one of: ${marketplaceCodes.join(', ')}.`, { marketplace: key });
  }
  return found;
}
