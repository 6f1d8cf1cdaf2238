import type { Kysely } from 'kysely';
import type { Transaction } from './database.js';
import type { Schema } from './schema.js';

// The seller's log of listing fixes (migration 20261128T0900-prevention): what changed on a listing and
// when, so its return rate before and after can be compared (services/listing-fixes.ts).

type Db = Kysely<Schema>;

export interface ListingFix {
  readonly id: number;
  readonly accountId: number;
  readonly sku: string;
  /** Null: the fix applies to the SKU in every marketplace. */
  readonly marketplaceCode: string | null;
  /** YYYY-MM-DD. */
  readonly changedOn: string;
  readonly what: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export async function insertListingFix(tx: Transaction, fix: Omit<ListingFix, 'id'>): Promise<number> {
  const row = await tx.db.insertInto('listing_fixes').values({
    account_id: fix.accountId, sku: fix.sku, marketplace_code: fix.marketplaceCode, changed_on: fix.changedOn, what: fix.what,
    recorded_by: fix.recordedBy, recorded_at: fix.recordedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The account's fixes, oldest change first; of one SKU when given. */
export async function listListingFixes(db: Db, accountId: number, sku?: string): Promise<ListingFix[]> {
  let query = db.selectFrom('listing_fixes').selectAll().where('account_id', '=', accountId);
  if (sku !== undefined) query = query.where('sku', '=', sku);
  const rows = await query.orderBy('changed_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id), accountId: r.account_id, sku: r.sku, marketplaceCode: r.marketplace_code, changedOn: r.changed_on, what: r.what,
    recordedBy: r.recorded_by, recordedAt: r.recorded_at,
  }));
}

/**
 * Where the account has sold or had returns of this SKU (marketplace codes), and whether the product
 * sheet lists it. The rollups answer for shipped units and returns; order lines never shipped (pending,
 * cancelled) are looked up in the order lines only when the rollups know nothing of the SKU.
 */
export async function skuPresence(db: Db, accountId: number, sku: string): Promise<{ marketplaces: string[]; listed: boolean }> {
  const [shipped, returned, product] = await Promise.all([
    db.selectFrom('prevention_months').select('marketplace_code').distinct().where('account_id', '=', accountId).where('sku', '=', sku).execute(),
    db.selectFrom('prevention_month_returns').select('marketplace_code').distinct().where('account_id', '=', accountId).where('sku', '=', sku).execute(),
    db.selectFrom('products').select('sku').where('account_id', '=', accountId).where('sku', '=', sku).limit(1).executeTakeFirst(),
  ]);
  let marketplaces = [...shipped, ...returned].map((r) => r.marketplace_code);
  if (marketplaces.length === 0) {
    const lines = await db.selectFrom('orders').select('marketplace_code').distinct().where('account_id', '=', accountId).where('sku', '=', sku).execute();
    marketplaces = lines.map((r) => r.marketplace_code);
  }
  return { marketplaces: [...new Set(marketplaces)].sort(), listed: product !== undefined };
}
