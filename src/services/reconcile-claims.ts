import { randomUUID } from 'node:crypto';
import { reconcileOrder } from '../domain/claims/reconcile.js';
import type { BusinessCalendar } from '../domain/deadlines/business-calendar.js';
import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { factPages } from '../storage/claim-facts-repository.js';
import { keepClaimsOfOrders, settleAfterReconcile, upsertClaims } from '../storage/claim-repository.js';
import { accountChain, recordChange } from './audit.js';
import { calendarAt, loadDecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';

export interface ReconcileOptions {
  /** At most this many rows of each refund, return and reimbursement table per page (default 2,000). */
  readonly pageSize?: number;
  readonly onProgress?: (ordersRead: number) => void;
  /** Who ran it, for the audit entry `claims.reconcile` (default 'cli'). */
  readonly actor?: string;
}

export interface ReconcileSummary {
  readonly ordersRead: number;
  /** Candidates found this run (new and known). */
  readonly found: number;
  readonly newClaims: number;
  /** Open claims the data now settles (e.g. Amazon reimbursed on its own): removed. */
  readonly removed: number;
  /** Open claims whose window closed unfiled: money lost. */
  readonly expired: number;
  /** Orders whose rows could not be reconciled (a malformed date...), with why; the others still are. */
  readonly problems: readonly { readonly marketplaceCode: string; readonly orderId: string; readonly problem: string }[];
}

/**
 * Finds every claim the account's reports support (domain/claims/reconcile.ts), one page of orders at
 * a time, and stores them in one transaction: new claims open, known ones refreshed with their status
 * kept, open claims no longer supported removed (but never those of an order whose rows could not be
 * read), open claims past their window expired, and the counts in the audit log (`claims.reconcile`).
 * Safe to run after every import, at any `nowIso`: the same data gives the same claims.
 */
export async function reconcileClaims(database: Database, accountId: number, nowIso: string, options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const context = await loadDecisionContext(database, accountId);
  const pageSize = options.pageSize ?? 2000;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`A page holds at least 1 row of each table, not ${pageSize}`);
  // Marks the claims this run finds, so the ones it does not find can be told apart whatever `nowIso` is.
  const runId = randomUUID();
  return database.transaction(async (tx) => {
    const currencyOf = (code: string) => requireMarketplace(code).currency;
    // One calendar per marketplace for the run: `nowIso` does not change.
    const calendars = new Map<string, BusinessCalendar>();
    const calendarOf = (code: string) => calendars.get(code) ?? calendars.set(code, calendarAt(context, requireMarketplace(code), nowIso)).get(code)!;
    let ordersRead = 0;
    let found = 0;
    let newClaims = 0;
    const problems: { marketplaceCode: string; orderId: string; problem: string }[] = [];
    for await (const page of factPages(tx, accountId, pageSize, currencyOf)) {
      const candidates = page.flatMap((facts) => {
        try {
          return reconcileOrder(facts, {
            rules: context.deadlineRules, calendar: calendarOf(facts.marketplaceCode),
            policy: context.policy.claims, nowIso,
          });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          problems.push({ marketplaceCode: facts.marketplaceCode, orderId: facts.orderId, problem: error.message });
          return [];
        }
      });
      ordersRead += page.length;
      found += candidates.length;
      newClaims += await upsertClaims(tx, accountId, candidates, nowIso, runId);
      options.onProgress?.(ordersRead);
    }
    await keepClaimsOfOrders(tx, accountId, problems, runId);
    const { removed, expired } = await settleAfterReconcile(tx, accountId, nowIso, runId);
    const summary = { ordersRead, found, newClaims, removed, expired, problems };
    // The counts, not every claim: a first run finds tens of thousands; the claims keep their own history.
    await recordChange(tx, {
      chain: accountChain(accountId), actor: options.actor ?? 'cli', action: 'claims.reconcile', subject: `account:${accountId}`, at: nowIso,
      after: { ordersRead, found, newClaims, removed, expired, problems: problems.length },
    });
    return summary;
  });
}
