import type { FastifyInstance } from 'fastify';
import { checkDatabase } from '../../services/health.js';
import type { Database } from '../../services/open-database.js';

export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api/health', { config: { access: { public: true } }, schema: { tags: ['health'], summary: 'Whether the server and its database answer', security: [] } }, async (_request, reply) => {
    const ok = await checkDatabase(database);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: database.dialect, version: '0.1.0' });
  });
}
