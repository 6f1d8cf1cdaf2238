// Months, days and shares in the page's language. Report months and days are calendar labels (UTC
// months, YYYY-MM-DD days), not instants: they are written in UTC so no time zone moves them a day.
// Money keeps the marketplace's way (format.ts); only these labels follow the page.

function utcDate(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** `2026-11` → "Nov 2026" in English, "2026年11月" in Chinese. */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDate(month));
}

/** `2026-09-14` → "Sep 14, 2026" in English, "2026年9月14日" in Chinese. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(day));
}

/** A fraction as a percentage with one decimal: 0.2057 → "20.6%". The API's fraction, only written. */
export function formatShare(fraction: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction);
}

/** A count of units: 1071 → "1,071". Excess units are fractional, so one decimal at most. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}
