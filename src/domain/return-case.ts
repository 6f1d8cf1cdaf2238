import { classifyReason } from './reasons.js';
import type { Fault, ReasonCategory, ReasonClassification } from './reasons.js';
import { reconcileReportedStatus } from './lifecycle.js';
import type { ReturnStatus } from './lifecycle.js';
import type { FbaReturnRecord, MfnReturnRecord } from './report-records.js';

export const channels = ['FBA', 'MFN'] as const;
export type Channel = (typeof channels)[number];

/** One returned order line (order id + SKU), joining what the FBA and MFN return reports say. */
export interface ReturnCase {
  id: number;
  accountId: number;
  marketplaceCode: string;
  channel: Channel;
  orderId: string;
  sku: string;
  asin: string | null;
  status: ReturnStatus;
  /** Units returned on this order line (the sum over FBA license plates). */
  quantity: number;
  reason: ReasonClassification;
  requestedAt: string | null;
  receivedAt: string | null;
  /** When a refund was first seen: the MFN report carries the amount but no refund time. */
  refundedAt: string | null;
  amazonRmaId: string | null;
  trackingId: string | null;
  /** FBA detailed disposition of the latest unit processed (SELLABLE, CUSTOMER_DAMAGED...). */
  disposition: string | null;
  refundedMinor: number | null;
  currency: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What changed on a case, for its append-only event history. */
export interface CaseChange {
  kind: 'created' | 'updated';
  occurredAt: string;
  fields: Record<string, { before: unknown; after: unknown }>;
}

export interface CaseContext {
  /** Id for a case created now (ignored when the case exists). */
  newId: number;
  accountId: number;
  marketplaceCode: string;
  now: string;
}

/** The key that joins report rows to their case: one case per order line. */
export function caseKey(orderId: string, sku: string): string {
  return `${orderId}\t${sku}`;
}

/**
 * Applies one FBA customer-returns row. `previousQuantity` is the quantity of the same license plate's
 * row as stored before (a re-pulled report), so the case's unit count moves by the difference and never
 * double counts.
 * Status 'Reimbursed' means Amazon paid the seller for the unit; any other processed row means the
 * unit reached the fulfilment centre.
 */
export function applyFbaReturn(existing: ReturnCase | null, record: FbaReturnRecord, previousQuantity: number | null, context: CaseContext): { next: ReturnCase; change: CaseChange | null } {
  const reported: ReturnStatus = /reimbursed/i.test(record.status ?? '') ? 'fba_reimbursed' : 'fba_received';
  const base = existing ?? newCase(context, 'FBA', record.orderId, record.sku, reported, record.returnDate);
  const reason = record.reason ? classifyReason(record.reason) : base.reason;
  const next: ReturnCase = {
    ...base,
    asin: record.asin ?? base.asin,
    status: existing ? reconcileReportedStatus(existing.status, reported).status : reported,
    quantity: existing ? existing.quantity + record.quantity - (previousQuantity ?? 0) : record.quantity,
    reason,
    receivedAt: laterOf(base.receivedAt, record.returnDate),
    requestedAt: base.requestedAt ?? record.returnDate,
    disposition: record.detailedDisposition ?? base.disposition,
  };
  return settle(existing, next, record.returnDate, context.now);
}

/** What a request's row said before this import: its units and refund, to count by difference. */
export interface PreviousRequest {
  quantity: number;
  refundedMinor: number | null;
}

/**
 * Applies one MFN returns row: the request, its label, delivery back and refund. An order line can have
 * several requests (two units returned apart): units and refunds are summed over them, the request
 * date is the earliest. `previous` is this request's row as stored before, so a re-pulled row moves
 * the sums by its difference and never counts twice.
 */
export function applyMfnReturn(existing: ReturnCase | null, record: MfnReturnRecord, previous: PreviousRequest | null, context: CaseContext): { next: ReturnCase; change: CaseChange | null } {
  const reported = deriveMfnStatus(record);
  const base = existing ?? newCase(context, 'MFN', record.orderId, record.sku, reported, record.returnRequestDate);
  const next: ReturnCase = {
    ...base,
    asin: record.asin ?? base.asin,
    status: existing ? reconcileReportedStatus(existing.status, reported).status : reported,
    quantity: existing ? existing.quantity + record.returnQuantity - (previous?.quantity ?? 0) : record.returnQuantity,
    reason: record.returnReason ? classifyReason(record.returnReason) : base.reason,
    requestedAt: existing?.requestedAt && existing.requestedAt < record.returnRequestDate ? existing.requestedAt : record.returnRequestDate,
    receivedAt: record.returnDeliveryDate ?? base.receivedAt,
    refundedAt: record.refundedAmountMinor ? (base.refundedAt ?? context.now) : base.refundedAt,
    amazonRmaId: record.amazonRmaId || base.amazonRmaId,
    trackingId: record.trackingId ?? base.trackingId,
    refundedMinor: sumRefunds(existing?.refundedMinor ?? null, record.refundedAmountMinor, previous?.refundedMinor ?? null),
    currency: record.currency,
  };
  return settle(existing, next, record.returnRequestDate, context.now);
}

/**
 * The state an MFN report row shows. A refund without an Amazon RMA id is a returnless refund
 * (reference §2.2/§4.4); otherwise the furthest step the row proves wins.
 */
export function deriveMfnStatus(record: MfnReturnRecord): ReturnStatus {
  const refunded = (record.refundedAmountMinor ?? 0) > 0;
  if (refunded && (!record.amazonRmaId || /returnless/i.test(record.resolution ?? ''))) return 'returnless_refunded';
  if (refunded) return 'refunded';
  if (record.returnDeliveryDate) return 'received';
  if (/^(closed|completed|rejected|cancel)/i.test(record.returnRequestStatus ?? '')) return 'closed';
  if (record.trackingId) return 'in_transit';
  if (/^(approved|authori[sz]ed)/i.test(record.returnRequestStatus ?? '')) return 'authorized';
  return 'requested';
}

function newCase(context: CaseContext, channel: Channel, orderId: string, sku: string, status: ReturnStatus, at: string): ReturnCase {
  return {
    id: context.newId, accountId: context.accountId, marketplaceCode: context.marketplaceCode, channel, orderId, sku,
    asin: null, status, quantity: 0, reason: classifyReason(null), requestedAt: at, receivedAt: null, refundedAt: null,
    amazonRmaId: null, trackingId: null, disposition: null, refundedMinor: null, currency: null, version: 0,
    createdAt: context.now, updatedAt: context.now,
  };
}

const trackedFields = [
  'status', 'quantity', 'asin', 'requestedAt', 'receivedAt', 'refundedAt', 'amazonRmaId', 'trackingId',
  'disposition', 'refundedMinor', 'currency',
] as const;

/** Compares before and after; bumps the version and stamps the time only when something changed. */
function settle(existing: ReturnCase | null, next: ReturnCase, occurredAt: string, now: string): { next: ReturnCase; change: CaseChange | null } {
  const fields: CaseChange['fields'] = {};
  for (const name of trackedFields) {
    const before = existing ? existing[name] : null;
    if (before !== next[name]) fields[name] = { before, after: next[name] };
  }
  if (existing?.reason.raw !== next.reason.raw) fields.reason = { before: existing?.reason.raw ?? null, after: next.reason.raw };
  if (existing && Object.keys(fields).length === 0) return { next: existing, change: null };
  return {
    next: { ...next, version: (existing?.version ?? 0) + 1, updatedAt: now },
    change: { kind: existing ? 'updated' : 'created', occurredAt, fields },
  };
}

/** The case's refunds with this request's refund in place of what it said before; null when none. */
function sumRefunds(caseTotal: number | null, now: number | null, before: number | null): number | null {
  if (caseTotal === null && now === null) return null;
  return (caseTotal ?? 0) + (now ?? 0) - (before ?? 0);
}

function laterOf(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

export type { Fault, ReasonCategory };
