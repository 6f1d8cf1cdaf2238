import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import type { Access } from './auth/access.js';
import { jsonSchemaOf } from './openapi.js';

// One description per route: who may call it, what it takes and what it answers. The zod schemas are
// what the handler parses with and what the OpenAPI document shows; a server built with
// `checkResponses` (every HTTP test) also parses each JSON answer against its declared reply, so a
// route that answers something other than what it documents fails its tests with a 500.

/** What a route answers with a status: a JSON body (zod), `'file'` for bytes or text (downloads, exports), or `'empty'` (204). */
export type ReplyShape = z.ZodType | 'file' | 'empty';
export type Replies = Readonly<Record<number, ReplyShape>>;

declare module 'fastify' {
  interface FastifyContextConfig { replies?: Replies }
}

/** The one error body of the API: `{"error":{code,message,details}}`. */
export const errorReply = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }).strict() }).strict();

export interface RouteDescription {
  readonly access: Access;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Request headers the route reads (If-Match), as a zod object. */
  readonly headers?: z.ZodType;
  /** Body types other than JSON the route takes (multipart uploads). */
  readonly consumes?: readonly string[];
  readonly replies: Replies;
  /** Route options that are neither access nor schema (a rate limit, a body limit). */
  readonly config?: Record<string, unknown>;
  readonly bodyLimit?: number;
}

function responseSchema(shape: ReplyShape): Record<string, unknown> {
  if (shape === 'file') return { description: 'A file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
  if (shape === 'empty') return { description: 'No content', type: 'null' };
  return jsonSchemaOf(shape, 'output');
}

/** The options of `app.get(url, options, handler)` and the rest, from one description. */
export function describeRoute(route: RouteDescription): RouteShorthandOptions {
  const response: Record<string, unknown> = { '4XX': jsonSchemaOf(errorReply, 'output'), '5XX': jsonSchemaOf(errorReply, 'output') };
  for (const [status, shape] of Object.entries(route.replies)) response[status] = responseSchema(shape);
  return {
    ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
    config: { ...route.config, access: route.access, replies: route.replies },
    schema: {
      tags: [...route.tags], summary: route.summary,
      ...('public' in route.access ? { security: [] } : {}),
      ...(route.params ? { params: jsonSchemaOf(route.params) } : {}),
      ...(route.query ? { querystring: jsonSchemaOf(route.query) } : {}),
      ...(route.body ? { body: jsonSchemaOf(route.body) } : {}),
      ...(route.headers ? { headers: jsonSchemaOf(route.headers) } : {}),
      ...(route.consumes ? { consumes: [...route.consumes] } : {}),
      response,
    },
  };
}

/** A JSON answer that does not match what its route declares, as a message naming the route and the fields. */
export function replyMismatch(replies: Replies | undefined, status: number, payload: unknown): string | null {
  const shape = status >= 400 ? errorReply : replies?.[status];
  if (shape === undefined) return `the route declares no reply for status ${status}`;
  if (shape === 'file' || shape === 'empty') return null;
  const parsed = shape.safeParse(payload);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

/** Parses every JSON answer against its route's declared reply; a mismatch becomes a 500 (tests only: it costs a parse per answer). */
export function registerResponseChecks(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    // Not-found answers and the docs page's own routes declare nothing.
    if (!config.access || !config.replies) return payload;
    const mismatch = replyMismatch(config.replies, reply.statusCode, payload);
    if (mismatch !== null && reply.statusCode < 500) throw new Error(`${request.method} ${request.routeOptions.url} answered ${reply.statusCode} unlike its declared reply: ${mismatch}`);
    return payload;
  });
}
