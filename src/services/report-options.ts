import { formatLocalDate, parseLocalDate } from '../domain/deadlines/civil-date.js';
import { DomainError } from '../domain/errors.js';
import type { MonthRange } from '../storage/prevention-repository.js';

// The options the prevention reports share (report rates|costs|causes|spikes, fix add|list): purchase
// months and days, each bad value refused with the option's name and the form it takes.

/** `--from`/`--to` purchase months (YYYY-MM, both included); bad input names the option. */
export function parseMonthRange(range: { from?: string; to?: string }): MonthRange {
  const months: MonthRange = { fromMonth: parseMonth(range.from, '--from'), toMonth: parseMonth(range.to, '--to') };
  if (months.fromMonth !== undefined && months.toMonth !== undefined && months.fromMonth > months.toMonth) {
    throw new DomainError('invalid_input', `The first month (${months.fromMonth}) is after the last (${months.toMonth}).`, { from: months.fromMonth, to: months.toMonth });
  }
  return months;
}

function parseMonth(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  const month = text.trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('invalid_input', `${option} must be a month as YYYY-MM, such as 2026-03, not "${text}".`, { [option]: text });
  return month;
}

/** `--as-of`: a day not after today (UTC), default today: a later day would close weeks whose returns cannot have come. */
export function parseAsOf(text: string | undefined, todayIso: string = new Date().toISOString()): string {
  const today = todayIso.slice(0, 10);
  const day = parseDay(text, '--as-of') ?? today;
  if (day > today) throw new DomainError('invalid_input', `--as-of ${day} is in the future: weeks are judged on days that have passed.`, { asOf: day });
  return day;
}

/** A `YYYY-MM-DD` option, or undefined when not given; anything else is bad input naming the option. */
export function parseDay(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    return formatLocalDate(parseLocalDate(text.trim()));
  } catch {
    throw new DomainError('invalid_input', `${option} must be a date as YYYY-MM-DD, such as 2026-03-31, not "${text}".`, { [option]: text });
  }
}

export const reportLanguages = ['en', 'zh'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

/** `--lang`: the language of causes and fixes in the causes table (the JSON holds both). */
export function parseReportLanguage(text: string | undefined): ReportLanguage {
  if (text === undefined) return 'en';
  const lang = reportLanguages.find((l) => l === text);
  if (!lang) throw new DomainError('invalid_input', `--lang must be en or zh, not "${text}".`, { lang: text });
  return lang;
}

/** `--limit`: how many problem SKUs the causes report details, 1 to 10000; undefined keeps the report's default. */
export function parseProblemLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (text.trim() === '' || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new DomainError('invalid_input', `--limit must be a whole number from 1 to 10000, not "${text}".`, { limit: text });
  }
  return limit;
}
