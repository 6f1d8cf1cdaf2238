import { z } from 'zod';
import { accountParams } from './accounts.js';
import { caseMoves } from '../../domain/case-moves.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import { faultParties, reasonCategories } from '../../domain/reasons.js';
import type { ReturnCase } from '../../domain/return-case.js';
import type { CaseEvent } from '../../services/list-returns.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a day such as 2026-03-31', abort: true }).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a day of the calendar');

export const returnListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(returnStatuses).optional(),
  channel: z.enum(['FBA', 'MFN']).optional(),
  marketplace: z.string().regex(/^[A-Z]{2}$/, 'a marketplace code such as US or DE').optional(),
  sku: z.string().min(1).max(200).optional(),
  orderId: z.string().min(1).max(40).optional(),
  reason: z.enum(reasonCategories).optional().describe('the reason category'),
  fault: z.enum(faultParties).optional(),
  requestedFrom: day.optional().describe('requested on or after this UTC day'),
  requestedTo: day.optional().describe('requested on or before this UTC day'),
}).strict().refine((q) => !q.requestedFrom || !q.requestedTo || q.requestedFrom <= q.requestedTo, {
  message: 'requestedFrom must not be after requestedTo', path: ['requestedFrom'],
});

export type ReturnListQuery = z.infer<typeof returnListQuery>;

// Ids are PostgreSQL integers: anything larger cannot exist (and would make the query fail).
export const returnCaseParams = accountParams.extend({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** An outcome to record (`returndesk record`): what the buyer did with an offer, or the grade found. */
export const outcomeBody = z.object({
  outcome: z.string().min(1).max(40),
  step: z.union([z.number().int(), z.string().max(4)]).optional(),
  grade: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
}).strict();

/** A move made in Seller Central's Manage Returns, recorded on the case (docs/api/returns.md). */
export const caseStatusBody = z.object({
  status: z.enum(caseMoves).describe('authorized or returnless_refunded (a seller-fulfilled request), or closed'),
  note: z.string().max(2000).optional().describe('Why: the close reason picked in Seller Central, say'),
}).strict();

export const caseStatusReply = z.object({
  caseId: z.number().int(), statusBefore: z.enum(returnStatuses), status: z.enum(returnStatuses), version: z.number().int(),
}).strict();

export const caseEventReply = z.object({
  kind: z.string(), source: z.string(), importRunId: z.number().int().nullable(), line: z.number().int().nullable(),
  occurredAt: z.string(), recordedAt: z.string(), data: z.unknown(),
}).strict();
export type CaseEventResponse = z.infer<typeof caseEventReply>;

const money = z.object({ amountMinor: z.number().int(), currency: z.string() }).strict();

export const returnCaseReply = z.object({
  id: z.number().int(), marketplace: z.string(), channel: z.string(), orderId: z.string(), sku: z.string(), asin: z.string().nullable(),
  status: z.enum(returnStatuses), quantity: z.number().int(),
  reason: z.object({ raw: z.string().nullable(), code: z.string().nullable(), status: z.string(), category: z.string().nullable(), fault: z.string(), productSignal: z.boolean() }).strict(),
  requestedAt: z.string().nullable(), receivedAt: z.string().nullable(), refundedAt: z.string().nullable(),
  amazonRmaId: z.string().nullable(), trackingId: z.string().nullable(), disposition: z.string().nullable(),
  refunded: money.nullable(), version: z.number().int(), updatedAt: z.string(),
}).strict();
export type ReturnCaseResponse = z.infer<typeof returnCaseReply>;

/** The case's history comes oldest first. */
export const returnDetailReply = returnCaseReply.extend({ events: z.array(caseEventReply) }).strict();
export type ReturnDetailResponse = z.infer<typeof returnDetailReply>;

export const returnListReply = z.object({ items: z.array(returnCaseReply), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).strict();
export type ReturnListResponse = z.infer<typeof returnListReply>;

export const recordedOutcomeReply = z.object({
  caseId: z.number().int(),
  outcome: z.object({ kind: z.string(), step: z.number().int().optional(), grade: z.string().optional(), note: z.string().optional() }),
  statusBefore: z.enum(returnStatuses), status: z.enum(returnStatuses), version: z.number().int(),
}).strict();

export function toEventResponse(e: CaseEvent): CaseEventResponse {
  return { kind: e.kind, source: e.source, importRunId: e.importRunId, line: e.line, occurredAt: e.occurredAt, recordedAt: e.recordedAt, data: e.data };
}

export function toReturnCaseResponse(c: ReturnCase): ReturnCaseResponse {
  return {
    id: c.id, marketplace: c.marketplaceCode, channel: c.channel, orderId: c.orderId, sku: c.sku, asin: c.asin,
    status: c.status, quantity: c.quantity, reason: { ...c.reason }, requestedAt: c.requestedAt, receivedAt: c.receivedAt,
    refundedAt: c.refundedAt, amazonRmaId: c.amazonRmaId, trackingId: c.trackingId, disposition: c.disposition,
    refunded: c.refundedMinor !== null && c.currency ? { amountMinor: c.refundedMinor, currency: c.currency } : null,
    version: c.version, updatedAt: c.updatedAt,
  };
}
