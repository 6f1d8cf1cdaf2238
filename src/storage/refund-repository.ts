import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Transaction } from './database.js';
import type { RefundRow, Schema } from './schema.js';

/** What a refund needs beyond the decision facts: the return label, Amazon's order item id, the shipping the buyer paid. */
export interface RefundFacts {
  /** From the latest MFN return row; null when the report did not say (or an FBA case). */
  readonly labelCostMinor: number | null;
  readonly labelPaidBy: string | null;
  readonly orderItemId: string | null;
  /** From the All Orders report for the order and SKU; null when it was not imported. */
  readonly order: { readonly quantity: number; readonly currency: string | null; readonly shippingPriceMinor: number | null } | null;
}

export async function findRefundFacts(db: Kysely<Schema>, accountId: number, caseId: number, orderId: string, sku: string): Promise<RefundFacts> {
  const mfn = await db.selectFrom('mfn_returns').select(['label_cost_minor', 'label_paid_by', 'order_item_id'])
    .where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id', 'desc').executeTakeFirst();
  const order = await db.selectFrom('orders').select(['quantity', 'currency', 'shipping_price_minor'])
    .where('account_id', '=', accountId).where('amazon_order_id', '=', orderId).where('sku', '=', sku).orderBy('id', 'desc').executeTakeFirst();
  return {
    labelCostMinor: mfn?.label_cost_minor ?? null, labelPaidBy: mfn?.label_paid_by ?? null, orderItemId: mfn?.order_item_id ?? null,
    order: order ? { quantity: order.quantity, currency: order.currency, shippingPriceMinor: order.shipping_price_minor } : null,
  };
}

/** A refund the seller recorded as issued, with the quote it followed. */
export interface StoredRefund {
  readonly id: number;
  readonly accountId: number;
  readonly caseId: number;
  readonly totalMinor: number;
  readonly paidMinor: number;
  readonly currency: string;
  readonly quote: unknown;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** When it went into an order adjustment feed file; null until then. */
  readonly exportedAt: string | null;
}

function toRefund(row: Selectable<RefundRow>): StoredRefund {
  return {
    id: row.id, accountId: row.account_id, caseId: row.case_id, totalMinor: row.total_minor, paidMinor: row.paid_minor, currency: row.currency,
    quote: JSON.parse(row.quote) as unknown, recordedBy: row.recorded_by, recordedAt: row.recorded_at, exportedAt: row.exported_at,
  };
}

export async function insertRefund(tx: Transaction, refund: Omit<StoredRefund, 'id' | 'exportedAt'>): Promise<number> {
  const row = await tx.db.insertInto('refunds').values({
    account_id: refund.accountId, case_id: refund.caseId, total_minor: refund.totalMinor, paid_minor: refund.paidMinor, currency: refund.currency,
    quote: JSON.stringify(refund.quote), recorded_by: refund.recordedBy, recorded_at: refund.recordedAt, exported_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The refunds recorded for a case, oldest first. */
export async function listCaseRefunds(db: Kysely<Schema>, accountId: number, caseId: number): Promise<StoredRefund[]> {
  const rows = await db.selectFrom('refunds').selectAll().where('account_id', '=', accountId).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(toRefund);
}

/** Recorded refunds not yet in an adjustment feed file, oldest first. */
export async function listUnexportedRefunds(db: Kysely<Schema>, accountId: number): Promise<StoredRefund[]> {
  const rows = await db.selectFrom('refunds').selectAll().where('account_id', '=', accountId).where('exported_at', 'is', null).orderBy('id').execute();
  return rows.map(toRefund);
}

export async function markRefundsExported(tx: Transaction, accountId: number, ids: readonly number[], exportedAt: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.db.updateTable('refunds').set({ exported_at: exportedAt })
    .where('account_id', '=', accountId).where('id', 'in', [...ids]).where(sql<boolean>`exported_at is null`).execute();
}
