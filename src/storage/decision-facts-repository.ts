import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { ReturnCase } from '../domain/return-case.js';
import type { ReturnStatus } from '../domain/lifecycle.js';
import { reasonOf, toReturnCase } from './return-case-repository.js';
import type { ReturnCaseRow, Schema } from './schema.js';

/** The fields of a case the decision engine prices with. */
export type DecidableCase = Pick<ReturnCase, 'id' | 'marketplaceCode' | 'sku' | 'quantity' | 'reason' | 'requestedAt'>;

/** What the decision engine reads about a case: the case, its latest MFN report row and its product. */
export interface CaseFacts<C extends DecidableCase = DecidableCase> {
  readonly returnCase: C;
  /** From the latest MFN return row of the case; null fields when the report did not say, or the case has none. */
  readonly mfn: {
    readonly orderAmountMinor: number | null;
    readonly orderQuantity: number | null;
    readonly currency: string | null;
    readonly inPolicy: boolean | null;
    readonly itemName: string | null;
  };
  /** From the seller's product sheet; null when the SKU is not in it. */
  readonly product: {
    readonly category: string | null;
    readonly priceMinor: number | null;
    readonly unitCostMinor: number | null;
    readonly currency: string | null;
    readonly weightGrams: number | null;
    readonly title: string | null;
  } | null;
}

/** The facts of a case with the whole case (status, dates, ids), for decisions an agent sees. */
export type DecisionFacts = CaseFacts<ReturnCase>;

interface FactsRow extends ReturnCaseRow {
  m_order_amount_minor: number | null; m_order_quantity: number | null; m_currency: string | null;
  m_in_policy: number | null; m_item_name: string | null;
  p_id: number | null; p_category: string | null; p_price_minor: number | null; p_unit_cost_minor: number | null;
  p_currency: string | null; p_weight_grams: number | null; p_title: string | null;
}

// Each case with its latest MFN row (found through the mfn_returns_case index, one lookup per case)
// and its product.
function casesWithFacts(db: Kysely<Schema>) {
  return db.selectFrom('return_cases as c')
    .leftJoin('mfn_returns as m', (join) => join.on('m.id', '=', sql<number>`(select max(l.id) from mfn_returns l where l.case_id = c.id)`))
    .leftJoin('products as p', (join) => join.onRef('p.account_id', '=', 'c.account_id').onRef('p.sku', '=', 'c.sku'));
}

function factsQuery(db: Kysely<Schema>, accountId: number, byIds = false) {
  const query = casesWithFacts(db)
    .selectAll('c')
    .select([
      'm.order_amount_minor as m_order_amount_minor', 'm.order_quantity as m_order_quantity', 'm.currency as m_currency',
      'm.in_policy as m_in_policy', 'm.item_name as m_item_name',
      'p.id as p_id', 'p.category as p_category', 'p.price_minor as p_price_minor', 'p.unit_cost_minor as p_unit_cost_minor',
      'p.currency as p_currency', 'p.weight_grams as p_weight_grams', 'p.title as p_title',
    ]);
  // Cases asked for by id are found by id. The account is still checked, but as `+c.account_id` (unary
  // plus: the same value, valid SQL in both dialects) so SQLite's planner cannot pick an index led by
  // the account instead; with return_cases_requested it did, and walked all 1,000,000 cases of the
  // account for each page of the work queue (150 ms instead of 0.2 ms; bench:api's mixed run).
  return byIds ? query.where(sql<number>`+c.account_id`, '=', accountId) : query.where('c.account_id', '=', accountId);
}

function toFacts(row: FactsRow): DecisionFacts {
  return {
    returnCase: toReturnCase(row),
    mfn: {
      orderAmountMinor: row.m_order_amount_minor, orderQuantity: row.m_order_quantity, currency: row.m_currency,
      inPolicy: row.m_in_policy === null ? null : row.m_in_policy === 1, itemName: row.m_item_name,
    },
    product: row.p_id === null ? null : {
      category: row.p_category, priceMinor: row.p_price_minor, unitCostMinor: row.p_unit_cost_minor,
      currency: row.p_currency, weightGrams: row.p_weight_grams, title: row.p_title,
    },
  };
}

/** The facts of one case of the account, or undefined. */
export async function findDecisionFacts(db: Kysely<Schema>, accountId: number, caseId: number): Promise<DecisionFacts | undefined> {
  const row = await factsQuery(db, accountId).where('c.id', '=', caseId).executeTakeFirst();
  return row ? toFacts(row) : undefined;
}

/** The facts of every seller-fulfilled case of the account in one of `statuses`. */
export async function listDecisionFactsByStatus(db: Kysely<Schema>, accountId: number, statuses: readonly ReturnStatus[]): Promise<DecisionFacts[]> {
  const rows = await factsQuery(db, accountId).where('c.channel', '=', 'MFN').where('c.status', 'in', [...statuses]).orderBy('c.id').execute();
  return rows.map(toFacts);
}

/** The facts of the account's cases among `caseIds` (any channel and status), by id. */
export async function listDecisionFactsOfCases(db: Kysely<Schema>, accountId: number, caseIds: readonly number[]): Promise<DecisionFacts[]> {
  if (caseIds.length === 0) return [];
  const rows = await factsQuery(db, accountId, true).where('c.id', 'in', [...caseIds]).orderBy('c.id').execute();
  return rows.map(toFacts);
}

/** Requests made on or after `fromIso` (inclusive), before `toIso` (exclusive); absent: no bound. */
export interface RequestRange {
  readonly fromIso?: string;
  readonly toIso?: string;
}

export interface FactsPage extends RequestRange {
  /** Cases with an id above this one. */
  readonly afterId: number;
  readonly limit: number;
}

interface LeanRow {
  id: number; marketplace_code: string; sku: string; quantity: number; reason_raw: string | null; reason_code: string | null;
  reason_status: string; reason_category: string | null; fault: string; product_signal: number; requested_at: string | null;
  m_order_amount_minor: number | null; m_order_quantity: number | null; m_currency: string | null; m_in_policy: number | null;
}

type ProductFacts = NonNullable<CaseFacts['product']>;

function toCaseFacts(row: LeanRow, product: ProductFacts | null): CaseFacts {
  return {
    returnCase: {
      id: row.id, marketplaceCode: row.marketplace_code, sku: row.sku, quantity: row.quantity, requestedAt: row.requested_at,
      reason: reasonOf(row),
    },
    mfn: {
      orderAmountMinor: row.m_order_amount_minor, orderQuantity: row.m_order_quantity, currency: row.m_currency,
      inPolicy: row.m_in_policy === null ? null : row.m_in_policy === 1, itemName: null,
    },
    product,
  };
}

/**
 * The account's product sheet by SKU, for reading many cases: one query instead of a join per case,
 * and one shared object per SKU instead of one per case. A catalog is thousands of SKUs where a
 * backtest reads a million cases (the join and its six columns were 2.5 s of a 1M-case backtest,
 * npm run bench:decide).
 */
export async function productFactsBySku(db: Kysely<Schema>, accountId: number): Promise<Map<string, ProductFacts>> {
  const rows = await db.selectFrom('products')
    .select(['sku', 'category', 'price_minor', 'unit_cost_minor', 'currency', 'weight_grams'])
    .where('account_id', '=', accountId).execute();
  return new Map(rows.map((row) => [row.sku, {
    category: row.category, priceMinor: row.price_minor, unitCostMinor: row.unit_cost_minor,
    currency: row.currency, weightGrams: row.weight_grams, title: null,
  }]));
}

// Only the columns the engine prices with: building row objects of every column was a fifth of a
// 1M-case backtest (npm run bench:decide).
function requestedCasesQuery(db: Kysely<Schema>, accountId: number, range: RequestRange) {
  let query = db.selectFrom('return_cases as c')
    .leftJoin('mfn_returns as m', (join) => join.on('m.id', '=', sql<number>`(select max(l.id) from mfn_returns l where l.case_id = c.id)`))
    .select([
      'c.id', 'c.marketplace_code', 'c.sku', 'c.quantity', 'c.reason_raw', 'c.reason_code', 'c.reason_status', 'c.reason_category',
      'c.fault', 'c.product_signal', 'c.requested_at',
      'm.order_amount_minor as m_order_amount_minor', 'm.order_quantity as m_order_quantity', 'm.currency as m_currency', 'm.in_policy as m_in_policy',
    ])
    .where('c.account_id', '=', accountId).where('c.channel', '=', 'MFN').where('c.requested_at', 'is not', null);
  if (range.fromIso !== undefined) query = query.where('c.requested_at', '>=', range.fromIso);
  if (range.toIso !== undefined) query = query.where('c.requested_at', '<', range.toIso);
  return query;
}

/**
 * One page of seller-fulfilled cases with a request time, by id (keyset paging, so a million cases
 * are read in constant memory and each page is an index range), with their products from `products`.
 */
export async function pageRequestedCaseFacts(db: Kysely<Schema>, accountId: number, page: FactsPage, products: ReadonlyMap<string, ProductFacts>): Promise<CaseFacts[]> {
  const rows: LeanRow[] = await requestedCasesQuery(db, accountId, page).where('c.id', '>', page.afterId).orderBy('c.id').limit(page.limit).execute();
  return rows.map((row) => toCaseFacts(row, products.get(row.sku) ?? null));
}

/**
 * Every seller-fulfilled case with a request time, by id, in constant memory: keyset pages of 1,000,
 * given a page at a time (a promise per page rather than per case). Kysely's SQLite stream was slower
 * (1.30–1.39 s against 0.93–1.14 s for 100,000 cases, same run); small pages keep few rows alive
 * between garbage collections.
 */
export async function* readRequestedCaseFacts(db: Kysely<Schema>, accountId: number, range: RequestRange): AsyncGenerator<CaseFacts[]> {
  const limit = 1000;
  const products = await productFactsBySku(db, accountId);
  for (let afterId = 0; ;) {
    const page = await pageRequestedCaseFacts(db, accountId, { ...range, afterId, limit }, products);
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    afterId = page[page.length - 1]!.returnCase.id;
  }
}
