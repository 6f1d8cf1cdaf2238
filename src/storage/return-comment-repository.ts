import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

// Buyers' comments from the FBA customer returns report (the MFN report has none), for the terms that
// set a SKU's returns apart (domain/prevention/comment-terms.ts).

type Db = Kysely<Schema>;

export interface ReturnComment {
  readonly id: number;
  readonly sku: string;
  readonly orderId: string;
  readonly returnDate: string;
  readonly text: string;
}

/** Return dates to include: [fromDay, toDay), either open. */
export interface DaySpan { readonly fromDay?: string; readonly toDay?: string }

function withComments(db: Db, accountId: number, span: DaySpan) {
  let query = db.selectFrom('fba_returns').where('account_id', '=', accountId)
    .where('customer_comments', 'is not', null).where('customer_comments', '<>', '');
  if (span.fromDay !== undefined) query = query.where('return_date', '>=', span.fromDay);
  if (span.toDay !== undefined) query = query.where('return_date', '<', span.toDay);
  return query;
}

const toComment = (r: { id: number; sku: string; order_id: string; return_date: string; customer_comments: string | null }): ReturnComment => ({
  id: Number(r.id), sku: r.sku, orderId: r.order_id, returnDate: r.return_date, text: r.customer_comments ?? '',
});

/** Every comment on returns of these SKUs, newest first, at most `perSku` per SKU. */
export async function commentsOfSkus(db: Db, accountId: number, span: DaySpan, skus: readonly string[], perSku: number): Promise<ReturnComment[]> {
  const comments: ReturnComment[] = [];
  for (const sku of skus) {
    const rows = await withComments(db, accountId, span).where('sku', '=', sku)
      .select(['id', 'sku', 'order_id', 'return_date', 'customer_comments']).orderBy('return_date', 'desc').orderBy('id', 'desc').limit(perSku).execute();
    comments.push(...rows.map(toComment));
  }
  return comments;
}

/** A comment of the background: counted, never quoted, so where it came from is not read (5,000 of them: 46 → 42 ms). */
export type BackgroundComment = Pick<ReturnComment, 'id' | 'sku' | 'text'>;

/**
 * The newest `size` comments on returns of any SKU but these, the background the SKUs' terms are set
 * against. The newest rather than an even sample of all: read backwards on the (account, return date)
 * index, they take a few thousand row reads where a count and an every-k-th sample over three months
 * of a large seller's returns took two passes over 150,000 rows (the analytics bench).
 */
export async function backgroundComments(db: Db, accountId: number, span: DaySpan, excludeSkus: readonly string[], size: number): Promise<BackgroundComment[]> {
  let query = withComments(db, accountId, span);
  if (excludeSkus.length > 0) query = query.where('sku', 'not in', excludeSkus);
  const rows = await query.select(['id', 'sku', 'customer_comments']).orderBy('return_date', 'desc').orderBy('id', 'desc').limit(size).execute();
  return rows.map((r) => ({ id: Number(r.id), sku: r.sku, text: r.customer_comments ?? '' }));
}
