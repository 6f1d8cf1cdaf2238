import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { createSyncRunner } from '../services/amazon-sync-runner.js';
import { amazonEndpointsOf } from '../services/amazon-sync.js';
import { defaultEvidenceStoreConfig } from '../services/evidence-store.js';
import type { EvidenceStoreConfig } from '../services/evidence-store.js';
import type { Database } from '../services/open-database.js';
import { secretBox } from '../services/secret-box.js';
import { registerAccessChecks } from './auth/access.js';
import type { RouteAccess } from './auth/access.js';
import { registerErrorHandler } from './errors.js';
import { registerOpenApi } from './openapi.js';
import type { RouteContext } from './route-context.js';
import { registerResponseChecks } from './route-options.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerAccessAdminRoutes } from './routes/access-admin.js';
import { registerAmazonRoutes } from './routes/amazon.js';
import { registerAnalyticsRoutes } from './routes/analytics.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerSetupRoutes } from './routes/setup.js';
import { registerClaimRoutes } from './routes/claims.js';
import { registerDecisionRoutes } from './routes/decisions.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerQueueRoutes } from './routes/queue.js';
import { registerRefundRoutes } from './routes/refunds.js';
import { registerReturnRoutes } from './routes/returns.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { registerWarehouseRoutes } from './routes/warehouse.js';
import { defaultWebDirectory, isApiPath, registerWebApp } from './web-app.js';

export interface ServerOptions {
  database: Database;
  logLevel?: string;
  /** The clock of sessions and tokens (tests fix it). */
  now?: () => string;
  /** Where inspection evidence is stored (default: ./data/evidence). */
  evidence?: EvidenceStoreConfig;
  /** Where uploads wait while they are imported (default: the system's temporary directory). */
  scratchDirectory?: string;
  /** The marketplace of uploaded report files that do not name theirs (default US). */
  defaultMarketplace?: string;
  /** Mark the login cookie Secure whatever the request's protocol: users reach the server through HTTPS (RETURNDESK_PUBLIC_URL). */
  secureCookies?: boolean;
  /** Reverse proxies whose X-Forwarded-For/-Proto are believed, so rate limits see the user's address (RETURNDESK_TRUSTED_PROXIES). */
  trustProxy?: readonly string[];
  /** Parse every JSON answer against its route's declared reply (tests; costs a parse per answer). */
  checkResponses?: boolean;
  /** The one-time code that lets the web app's first-run page create the owner (printed by `serve` when there are no users). */
  setupCode?: string;
  /** The built web app served at `/` (default: web/dist of this checkout); a missing one gets a page saying how to build it. */
  webDirectory?: string;
  /** The key Amazon credentials are sealed with (RETURNDESK_SECRET_KEY); without it, connecting is refused with a sentence saying so. */
  secretKey?: Buffer | null;
  /** One origin for Login with Amazon and the SP-API (RETURNDESK_SP_API_URL: a test double); default Amazon's hosts. */
  spApiOrigin?: string | null;
  /** Hours between scheduled syncs of every connected account (RETURNDESK_SYNC_HOURS); default 0: only when asked. */
  syncHours?: number;
  /** Where the log goes (default standard output); tests read it to prove no secret is ever written. */
  logStream?: NodeJS.WritableStream;
}

const routesOf = new WeakMap<FastifyInstance, readonly RouteAccess[]>();

/**
 * Every API route of a server with the access it declared (the route test walks them all). The web
 * app's catch-all route is public like any static file, declares so, and is tested in web-app.test.ts.
 */
export function serverRoutes(app: FastifyInstance): readonly RouteAccess[] {
  return routesOf.get(app) ?? [];
}

/** The sealed-secrets box and the sync runner, stopped (its runs aborted and awaited) when the server closes. */
function amazonContext(app: FastifyInstance, options: ServerOptions, now: () => string, scratchDirectory: string): RouteContext['amazon'] {
  const box = secretBox(options.secretKey ?? null);
  const scheduleHours = options.syncHours ?? 0;
  const runner = createSyncRunner(options.database, {
    box, endpoints: amazonEndpointsOf(options.spApiOrigin ?? null), scratchDirectory, now, hours: scheduleHours,
    log: (level, message) => app.log[level](message),
  });
  app.addHook('onClose', async () => runner.stop());
  return { box, runner, scheduleHours };
}

/** The API, ready for `listen` or `inject`; it never listens by itself. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.trustProxy ? { trustProxy: [...options.trustProxy] } : {}),
    logger: {
      level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["x-csrf-token"]`],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });
  const now = options.now ?? (() => new Date().toISOString());
  app.decorate('secureCookies', options.secureCookies ?? false);
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  if (options.checkResponses) registerResponseChecks(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const routes = registerAccessChecks(app, options.database, now);
  await registerOpenApi(app);
  registerHealthRoutes(app, options.database);
  registerAuthRoutes(app, options.database, now);
  registerSetupRoutes(app, options.database, now, options.setupCode);
  registerReturnRoutes(app, options.database, now);
  registerAccessAdminRoutes(app, options.database, now);
  const scratchDirectory = options.scratchDirectory ?? tmpdir();
  const context: RouteContext = {
    database: options.database, now, evidence: options.evidence ?? defaultEvidenceStoreConfig, scratchDirectory,
    defaultMarketplace: options.defaultMarketplace ?? 'US', amazon: amazonContext(app, options, now, scratchDirectory),
  };
  for (const register of [registerAmazonRoutes, registerImportRoutes, registerQueueRoutes, registerDecisionRoutes, registerRefundRoutes, registerWarehouseRoutes, registerClaimRoutes, registerAnalyticsRoutes, registerSettingsRoutes]) {
    await app.register(async (scope) => register(scope, context));
  }
  await app.register(async (scope) => registerWebApp(scope, options.webDirectory ?? defaultWebDirectory));
  await app.ready();
  routesOf.set(app, routes.filter((route) => isApiPath(route.url)));
  return app;
}
