import { randomUUID } from 'node:crypto';
import { reconcileOrder } from '../domain/claims/reconcile.js';
import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { importFileNames, ordersToReconcile, readOrderFacts } from '../storage/claim-facts-repository.js';
import { keepClaimsOfOrders, settleAfterReconcile, upsertClaims } from '../storage/claim-repository.js';
import { calendarAt, loadDecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';

export interface ReconcileOptions {
  /** Orders read per page (default 1,000). */
  readonly pageSize?: number;
  readonly onProgress?: (ordersRead: number, ordersTotal: number) => void;
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
 * read), open claims past their window expired. Safe to run after every import, at any `nowIso`: the
 * same data gives the same claims.
 */
export async function reconcileClaims(database: Database, accountId: number, nowIso: string, options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const context = await loadDecisionContext(database, accountId);
  const pageSize = options.pageSize ?? 1000;
  // Marks the claims this run finds, so the ones it does not find can be told apart whatever `nowIso` is.
  const runId = randomUUID();
  return database.transaction(async (tx) => {
    const files = await importFileNames(tx.db, accountId);
    const orders = await ordersToReconcile(tx.db, accountId);
    const currencyOf = (code: string) => requireMarketplace(code).currency;
    let found = 0;
    let newClaims = 0;
    const problems: { marketplaceCode: string; orderId: string; problem: string }[] = [];
    for (let start = 0; start < orders.length; start += pageSize) {
      const page = orders.slice(start, start + pageSize);
      const candidates = (await readOrderFacts(tx.db, accountId, page, files, currencyOf)).flatMap((facts) => {
        try {
          return reconcileOrder(facts, {
            rules: context.deadlineRules, calendar: calendarAt(context, requireMarketplace(facts.marketplaceCode), nowIso),
            policy: context.policy.claims, nowIso,
          });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          problems.push({ marketplaceCode: facts.marketplaceCode, orderId: facts.orderId, problem: error.message });
          return [];
        }
      });
      found += candidates.length;
      newClaims += await upsertClaims(tx, accountId, candidates, nowIso, runId);
      options.onProgress?.(Math.min(start + pageSize, orders.length), orders.length);
    }
    await keepClaimsOfOrders(tx, accountId, problems, runId);
    const { removed, expired } = await settleAfterReconcile(tx, accountId, nowIso, runId);
    return { ordersRead: orders.length, found, newClaims, removed, expired, problems };
  });
}
