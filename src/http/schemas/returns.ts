import { z } from 'zod';
import { accountParams } from './accounts.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import type { ReturnCase } from '../../domain/return-case.js';
import type { CaseEvent } from '../../services/list-returns.js';

export const returnListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(returnStatuses).optional(),
  channel: z.enum(['FBA', 'MFN']).optional(),
  marketplace: z.string().regex(/^[A-Z]{2}$/, 'a marketplace code such as US or DE').optional(),
  sku: z.string().min(1).max(200).optional(),
}).strict();

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

export interface CaseEventResponse {
  kind: string;
  source: string;
  importRunId: number | null;
  line: number | null;
  occurredAt: string;
  recordedAt: string;
  data: unknown;
}

export interface ReturnDetailResponse extends ReturnCaseResponse {
  /** The case's history, oldest first. */
  events: CaseEventResponse[];
}

export function toEventResponse(e: CaseEvent): CaseEventResponse {
  return { kind: e.kind, source: e.source, importRunId: e.importRunId, line: e.line, occurredAt: e.occurredAt, recordedAt: e.recordedAt, data: e.data };
}

export interface ReturnCaseResponse {
  id: number;
  marketplace: string;
  channel: string;
  orderId: string;
  sku: string;
  asin: string | null;
  status: string;
  quantity: number;
  reason: { raw: string | null; code: string | null; status: string; category: string | null; fault: string; productSignal: boolean };
  requestedAt: string | null;
  receivedAt: string | null;
  refundedAt: string | null;
  amazonRmaId: string | null;
  trackingId: string | null;
  disposition: string | null;
  refunded: { amountMinor: number; currency: string } | null;
  version: number;
  updatedAt: string;
}

export interface ReturnListResponse {
  items: ReturnCaseResponse[];
  total: number;
  limit: number;
  offset: number;
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
