import type { MonthRange } from '../../api/analytics.js';

// The month range lives in the address (/analytics?from=2026-01&to=2026-06), so Back, reload and a
// shared link show the same figures. A value that is not a month is dropped (the reports' default,
// every month) rather than sent to be refused; a range given backwards is the server's to refuse,
// with its own message, so the reader sees why.

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => monthPattern.test(value);

function monthOf(value: string | null): string | undefined {
  return value !== null && isMonth(value) ? value : undefined;
}

export function readAnalyticsAddress(query: URLSearchParams): MonthRange {
  return { from: monthOf(query.get('from')), to: monthOf(query.get('to')) };
}

export function analyticsAddress(range: MonthRange): string {
  const query = new URLSearchParams();
  if (range.from !== undefined) query.set('from', range.from);
  if (range.to !== undefined) query.set('to', range.to);
  const text = query.toString();
  return text === '' ? '/analytics' : `/analytics?${text}`;
}
