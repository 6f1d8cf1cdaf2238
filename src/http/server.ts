import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../services/open-database.js';
import { registerErrorHandler } from './errors.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerReturnRoutes } from './routes/returns.js';

export interface ServerOptions {
  database: Database;
  logLevel?: string;
}

/** The API, ready for `listen` or `inject`; it never listens by itself. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  registerErrorHandler(app);
  registerHealthRoutes(app, options.database);
  registerReturnRoutes(app, options.database);
  return app;
}
