import type { FastifyInstance } from 'fastify';
import { checkDatabase } from '../../services/health.js';
import type { Database } from '../../services/open-database.js';
import { describeRoute } from '../route-options.js';
import { healthReply } from '../schemas/access.js';

export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api/health', describeRoute({
    access: { public: true }, tags: ['health'], summary: 'Whether the server and its database answer', replies: { 200: healthReply, 503: healthReply },
  }), async (_request, reply) => {
    const ok = await checkDatabase(database);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: database.dialect, version: '0.1.0' });
  });
}
