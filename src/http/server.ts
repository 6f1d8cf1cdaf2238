import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../services/open-database.js';
import { registerAccessChecks } from './auth/access.js';
import type { RouteAccess } from './auth/access.js';
import { registerErrorHandler } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { registerAccessAdminRoutes } from './routes/access-admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerReturnRoutes } from './routes/returns.js';

export interface ServerOptions {
  database: Database;
  logLevel?: string;
  /** The clock of sessions and tokens (tests fix it). */
  now?: () => string;
}

const routesOf = new WeakMap<FastifyInstance, readonly RouteAccess[]>();

/** Every route of a server with the access it declared (the route test walks them all). */
export function serverRoutes(app: FastifyInstance): readonly RouteAccess[] {
  return routesOf.get(app) ?? [];
}

/** The API, ready for `listen` or `inject`; it never listens by itself. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["x-csrf-token"]`] },
  });
  const now = options.now ?? (() => new Date().toISOString());
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const routes = registerAccessChecks(app, options.database, now);
  await registerOpenApi(app);
  registerHealthRoutes(app, options.database);
  registerAuthRoutes(app, options.database, now);
  registerReturnRoutes(app, options.database, now);
  registerAccessAdminRoutes(app, options.database, now);
  await app.ready();
  routesOf.set(app, routes);
  return app;
}
