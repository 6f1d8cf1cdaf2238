import { z } from 'zod';
import { urgencies } from '../../domain/deadlines/case-clocks.js';
import { decisionActions } from '../../domain/decisions/decision.js';
import { marketplaceCodes } from '../../domain/marketplaces.js';
import { faultParties, reasonCategories } from '../../domain/reasons.js';
import type { WorkQueue } from '../../services/work-queue.js';

const queueStatuses = ['requested', 'received', 'inspected'] as const;

/** `GET /api/accounts/:accountId/queue`: a page of the work queue, filtered. */
export const queueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  marketplace: z.enum(marketplaceCodes, { error: `a marketplace code: ${marketplaceCodes.join(', ')}` }).optional(),
  reason: z.enum(reasonCategories, { error: `a reason category: ${reasonCategories.join(', ')}` }).optional(),
  fault: z.enum(faultParties, { error: `who is at fault: ${faultParties.join(', ')}` }).optional(),
  status: z.enum(queueStatuses, { error: `a status of a queued case: ${queueStatuses.join(', ')}` }).optional(),
  task: z.enum(['decide', 'refund'], { error: 'decide or refund' }).optional(),
  sku: z.string().min(1).max(200).optional(),
}).strict();

const bilingual = z.object({ en: z.string(), zh: z.string() }).strict();

export const queueItemReply = z.object({
  caseId: z.number().int(), version: z.number().int().describe('The case\'s version: a change made from the queue sends it as If-Match'), orderId: z.string(), sku: z.string(), marketplace: z.string(), status: z.enum(queueStatuses),
  reasonCategory: z.string().nullable(), task: z.enum(['decide', 'refund']),
  deadline: z.object({ ruleId: z.string(), dueAt: z.string(), label: bilingual }).strict().nullable(),
  urgency: z.enum(urgencies), currency: z.string(), atStakeMinor: z.number().int().nullable(),
  recommendation: z.object({
    action: z.enum(decisionActions), step: z.number().int().optional(), expectedLossMinor: z.number().int(), explanation: bilingual,
  }).strict().nullable(),
  problem: z.string().nullable(),
}).strict();

export const queueReply = z.object({
  items: z.array(queueItemReply),
  total: z.number().int(),
  counts: z.object(Object.fromEntries(urgencies.map((u) => [u, z.number().int()])) as Record<(typeof urgencies)[number], z.ZodNumber>).strict(),
  limit: z.number().int(), offset: z.number().int(), nowIso: z.string(),
}).strict();
export type QueueResponse = z.infer<typeof queueReply>;

type QueueItemResponse = QueueResponse['items'][number];

// A page the service reuses (same items array) maps to the same answer items, so the route's
// serializer can reuse their JSON too (serializing 50 items was most of a cached page's time).
const answeredItems = new WeakMap<WorkQueue['items'], QueueItemResponse[]>();

function toItemResponses(items: WorkQueue['items']): QueueItemResponse[] {
  let answered = answeredItems.get(items);
  if (answered) return answered;
  // Explanations are formatted when first read (getters): copied out as plain strings here.
  answered = items.map((item) => ({
    ...item, status: item.status as QueueItemResponse['status'],
    deadline: item.deadline && { ruleId: item.deadline.ruleId, dueAt: item.deadline.dueAt, label: { ...item.deadline.label } },
    recommendation: item.recommendation && {
      ...item.recommendation, explanation: { en: item.recommendation.explanation.en, zh: item.recommendation.explanation.zh },
    },
  }));
  answeredItems.set(items, answered);
  return answered;
}

/** The service's page as the API answers it. */
export function toQueueResponse(queue: WorkQueue): QueueResponse {
  return {
    items: toItemResponses(queue.items),
    total: queue.total, counts: { ...queue.counts }, limit: queue.limit, offset: queue.offset, nowIso: queue.nowIso,
  };
}

// Kept as UTF-8 bytes: a page's items are 50 KB of JSON with Chinese in it, which as a string V8 holds
// two bytes a character, flattens, measures and encodes on every answer. Bytes are joined with the rest
// of the answer once and written as they are: that was a quarter of the route's time in garbage
// collection alone (`npm run bench:api`, --cpu-prof).
const itemsJson = new WeakMap<object, Buffer>();
const itemsOpen = Buffer.from('{"items":');

/** JSON of any answer of the route; a queue page's items are written once per page the service computed. */
export function serializeQueueReply(data: unknown): string | Buffer {
  if (data === null || typeof data !== 'object' || !('items' in data) || !Array.isArray(data.items)) return JSON.stringify(data);
  const { items, ...rest } = data as { items: object[] };
  let json = itemsJson.get(items);
  if (json === undefined) itemsJson.set(items, json = Buffer.from(JSON.stringify(items)));
  const others = JSON.stringify(rest);
  return Buffer.concat([itemsOpen, json, Buffer.from(others === '{}' ? '}' : `,${others.slice(1)}`)]);
}
