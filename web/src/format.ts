// Money and times as the marketplace writes them: `Intl` in the marketplace's locale and time zone
// (a German case shows 12,50 € and Berlin time whatever language the page is in).

interface MarketplaceFormat {
  readonly locale: string;
  readonly timeZone: string;
}

// Copied from src/domain/marketplaces.ts (the web app imports no runtime code from src/); a test
// compares the two tables.
export const marketplaceFormats: Readonly<Record<string, MarketplaceFormat>> = {
  US: { locale: 'en-US', timeZone: 'America/Los_Angeles' }, CA: { locale: 'en-CA', timeZone: 'America/Toronto' },
  MX: { locale: 'es-MX', timeZone: 'America/Mexico_City' }, BR: { locale: 'pt-BR', timeZone: 'America/Sao_Paulo' },
  UK: { locale: 'en-GB', timeZone: 'Europe/London' }, DE: { locale: 'de-DE', timeZone: 'Europe/Berlin' },
  FR: { locale: 'fr-FR', timeZone: 'Europe/Paris' }, IT: { locale: 'it-IT', timeZone: 'Europe/Rome' },
  ES: { locale: 'es-ES', timeZone: 'Europe/Madrid' }, NL: { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' },
  SE: { locale: 'sv-SE', timeZone: 'Europe/Stockholm' }, PL: { locale: 'pl-PL', timeZone: 'Europe/Warsaw' },
  JP: { locale: 'ja-JP', timeZone: 'Asia/Tokyo' }, AU: { locale: 'en-AU', timeZone: 'Australia/Sydney' },
  AE: { locale: 'en-AE', timeZone: 'Asia/Dubai' }, SG: { locale: 'en-SG', timeZone: 'Asia/Singapore' },
  IN: { locale: 'en-IN', timeZone: 'Asia/Kolkata' },
};

const fallback: MarketplaceFormat = { locale: 'en-US', timeZone: 'UTC' };

function formatOf(marketplace: string): MarketplaceFormat {
  return marketplaceFormats[marketplace] ?? fallback;
}

/** An amount in integer minor units (cents, or yen for JPY) in the marketplace's way: 3999 USD in US → "$39.99". */
export function formatMoney(amountMinor: number, currency: string, marketplace: string): string {
  const format = new Intl.NumberFormat(formatOf(marketplace).locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** An ISO instant as a date and time in the marketplace's locale and time zone. */
export function formatDateTime(iso: string, marketplace: string): string {
  const { locale, timeZone } = formatOf(marketplace);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** How far a due time is from now, in whole days, hours and minutes; `overdue` when it has passed. */
export interface Countdown {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

export function countdownTo(dueAtIso: string, nowMs: number): Countdown {
  const left = Date.parse(dueAtIso) - nowMs;
  const minutesTotal = Math.floor(Math.abs(left) / 60_000);
  return {
    overdue: left < 0,
    days: Math.floor(minutesTotal / 1440),
    hours: Math.floor((minutesTotal % 1440) / 60),
    minutes: minutesTotal % 60,
  };
}
