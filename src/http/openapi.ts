import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';

// The OpenAPI document (`GET /api/openapi.json`) and a readable page of it (`/api/docs`, Swagger UI
// served from its npm package, nothing fetched at run time). Routes validate with zod in their
// handlers; the JSON Schemas here are made from the same zod schemas, for the document only.

export const docsPrefix = '/api/docs';

/** A zod schema as the JSON Schema of what a client sends (`io: 'input'`: defaults are optional). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // Zod validates in the handlers (one set of messages, one error shape); the route schemas only document.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ReturnDesk API', version: '0.1.0',
        description: 'Every route but health and login needs an API token (`Authorization: Bearer rd_…`) or a login session (the `rd_session` cookie, '
          + 'with the `X-CSRF-Token` header on writes). Errors are `{"error":{"code","message","details"}}`. See docs/security.md.',
      },
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'An API token: returndesk user token create' },
          session: { type: 'apiKey', in: 'cookie', name: 'rd_session', description: 'Set by POST /api/auth/login' },
        },
      },
      security: [{ token: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: docsPrefix });
  app.get('/api/openapi.json', { config: { access: { public: true }, replies: { 200: z.looseObject({ openapi: z.string() }) } }, schema: { hide: true } }, async () => app.swagger());
}

/** The docs page's own routes (its HTML, scripts and styles) are public like the document. */
export function isDocsRoute(route: RouteOptions): boolean {
  return route.url === docsPrefix || route.url.startsWith(`${docsPrefix}/`);
}
