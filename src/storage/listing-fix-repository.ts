import type { Kysely } from 'kysely';
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

export async function insertListingFix(db: Db, fix: Omit<ListingFix, 'id'>): Promise<number> {
  const row = await db.insertInto('listing_fixes').values({
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

/** Whether the account has sold or listed this SKU (an order line or a product row). */
export async function skuIsKnown(db: Db, accountId: number, sku: string): Promise<boolean> {
  const [order, product] = await Promise.all([
    db.selectFrom('prevention_months').select('sku').where('account_id', '=', accountId).where('sku', '=', sku).limit(1).executeTakeFirst(),
    db.selectFrom('products').select('sku').where('account_id', '=', accountId).where('sku', '=', sku).limit(1).executeTakeFirst(),
  ]);
  return order !== undefined || product !== undefined;
}
