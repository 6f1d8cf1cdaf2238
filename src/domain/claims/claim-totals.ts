import type { ClaimStatus } from './claim.js';

/** What totals need of a claim. */
export interface ClaimForTotals {
  readonly currency: string;
  readonly status: ClaimStatus;
  readonly owedMinor: number;
  readonly recoveredMinor: number | null;
  readonly foundAt: string;
  readonly filedAt: string | null;
  readonly resolvedAt: string | null;
  readonly window: { readonly fromIso: string; readonly closesAt: string } | null;
}

/** One month's money in one currency: owed (found), filed, recovered, and lost to a missed window. */
export interface MonthTotals {
  readonly month: string;
  readonly currency: string;
  owedMinor: number;
  filedMinor: number;
  recoveredMinor: number;
  expiredMinor: number;
}

const monthOf = (iso: string) => iso.slice(0, 7);

/**
 * Totals per month (UTC, `YYYY-MM`) and currency, oldest first: **owed** counts every claim in the
 * month its window started (the refund or return that created it), **filed** the owed amount of claims
 * in the month they were filed, **recovered** what was won in the month it was won, **expired** the
 * owed amount of claims whose window closed unfiled, in the month it closed. Currencies never mix.
 */
export function claimTotalsByMonth(claims: readonly ClaimForTotals[]): MonthTotals[] {
  const totals = new Map<string, MonthTotals>();
  const at = (iso: string, currency: string): MonthTotals => {
    const key = `${monthOf(iso)}\t${currency}`;
    let entry = totals.get(key);
    if (!entry) totals.set(key, entry = { month: monthOf(iso), currency, owedMinor: 0, filedMinor: 0, recoveredMinor: 0, expiredMinor: 0 });
    return entry;
  };
  for (const claim of claims) {
    at(claim.window?.fromIso ?? claim.foundAt, claim.currency).owedMinor += claim.owedMinor;
    if (claim.filedAt !== null) at(claim.filedAt, claim.currency).filedMinor += claim.owedMinor;
    if ((claim.recoveredMinor ?? 0) > 0 && claim.resolvedAt !== null) at(claim.resolvedAt, claim.currency).recoveredMinor += claim.recoveredMinor!;
    if (claim.status === 'expired') at(claim.window?.closesAt ?? claim.foundAt, claim.currency).expiredMinor += claim.owedMinor;
  }
  return [...totals.values()].sort((a, b) => (a.month === b.month ? a.currency.localeCompare(b.currency) : a.month < b.month ? -1 : 1));
}
