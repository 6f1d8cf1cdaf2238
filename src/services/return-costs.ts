import { components, costComponents, recoveryComponents, returnCosts } from '../domain/prevention/return-costs.js';
import type { Component, CostHeadline, CostRow, CostTotal, ReturnCosts } from '../domain/prevention/return-costs.js';
import { feedDecimal } from '../domain/refunds/adjustment-feed.js';
import { findReturnCostFacts } from '../storage/return-cost-repository.js';
import type { CostMonths } from '../storage/return-cost-repository.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { parseMonthRange } from './report-options.js';

// `returndesk report costs`: what returns cost per SKU, marketplace, currency and month, and what was
// recovered against it (rules and notes: domain/prevention/return-costs.ts).

export type { Component, CostHeadline, CostRow, CostTotal, ReturnCosts };
export { components, costComponents, recoveryComponents };

/**
 * The account's cost of returns over the months given (UTC, YYYY-MM, both included), valued by its
 * policy. The headline is for `to` when given, else the latest month with data. A month that is not
 * one, or `from` after `to`, is `invalid_input`.
 */
export async function accountReturnCosts(database: Database, accountId: number, range: { from?: string; to?: string } = {}): Promise<ReturnCosts> {
  const months: CostMonths = parseMonthRange(range);
  const { policy } = await showPolicy(database, accountId);
  await ensurePreventionRollups(database, accountId);
  const facts = await findReturnCostFacts(database.db, database.dialect, accountId, months);
  return returnCosts(facts, policy, months.toMonth);
}

const amountColumns: readonly string[] = [...costComponents, 'cost', ...recoveryComponents, 'recovered'];

/** Which columns of `costTable` hold numbers (amounts), by header. */
export function isCostTableNumber(header: string): boolean {
  return amountColumns.includes(header);
}

/**
 * The rows as spreadsheet rows: marketplace, SKU, month and currency, then each cost component and
 * their sum, then each recovery component and theirs, as decimal amounts of the row's currency.
 */
export function costTable(costs: ReturnCosts): string[][] {
  const header = ['marketplace', 'sku', 'month', 'currency', ...amountColumns];
  return [header, ...costs.rows.map((r) => [
    r.marketplaceCode, r.sku, r.month, r.currency,
    ...costComponents.map((c) => feedDecimal(r.components[c], r.currency)), feedDecimal(r.costMinor, r.currency),
    ...recoveryComponents.map((c) => feedDecimal(r.components[c], r.currency)), feedDecimal(r.recoveredMinor, r.currency),
  ])];
}
