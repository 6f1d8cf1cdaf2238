import { sql } from 'kysely';
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

/**
 * About `size` comments of returns of any other SKU, spread evenly over the account's rows (every
 * k-th id), as the background the SKUs' terms are set against: a large seller has hundreds of
 * thousands, and the share of a term in an even sample is what the comparison needs.
 */
export async function backgroundComments(db: Db, accountId: number, span: DaySpan, excludeSkus: readonly string[], size: number): Promise<ReturnComment[]> {
  const base = () => {
    const query = withComments(db, accountId, span);
    return excludeSkus.length > 0 ? query.where('sku', 'not in', excludeSkus) : query;
  };
  const counted = await base().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const step = Math.max(1, Math.ceil(Number(counted.n) / size));
  const rows = await base().where(sql<boolean>`id % ${step} = 0`).select(['id', 'sku', 'order_id', 'return_date', 'customer_comments']).execute();
  return rows.map(toComment);
}
