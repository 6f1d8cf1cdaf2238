import type { FastifyInstance } from 'fastify';
import { listQueue } from '../../services/work-queue.js';
import { accountIdOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { queueQuery, queueReply, serializeQueueReply, toQueueResponse } from '../schemas/queue.js';
import type { QueueResponse } from '../schemas/queue.js';

/** The work queue (docs/api/queue.md). */
export function registerQueueRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get('/api/accounts/:accountId/queue', {
    ...describeRoute({
      access: { permission: 'read' }, tags: ['queue'],
      summary: 'Open cases needing action, most urgent first, with the recommendation for each case of the page and counts per urgency',
      params: accountParams, query: queueQuery, replies: { 200: queueReply },
    }),
    // Fastify's types want a string; its reply writes bytes as they are (lib/reply.js onSendEnd).
    serializerCompiler: () => serializeQueueReply as (data: unknown) => string,
  }, async (request): Promise<QueueResponse> => {
    const { limit, offset, reason, ...rest } = queueQuery.parse(request.query);
    const filter = { ...rest, ...(reason === undefined ? {} : { reasonCategory: reason }) };
    return toQueueResponse(await listQueue(context.database, accountIdOf(request), context.now(), { filter, limit, offset }));
  });
}
