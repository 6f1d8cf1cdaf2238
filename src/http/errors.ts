import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { isDomainError } from '../domain/errors.js';
import type { ErrorCode } from '../domain/errors.js';

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unreadable_file: 400,
  forbidden: 403,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  too_large: 413,
};

/** The one error body of the API. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

function body(code: string, message: string, details: unknown = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** An error as the API answers it, with its status; null for a server fault (logged, answered 500 without internals). */
export function errorReplyOf(error: unknown): { status: number; body: ErrorBody } | null {
  if (error instanceof ZodError) {
    return { status: 400, body: body('invalid_input', 'The request is not valid.', error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))) };
  }
  if (isDomainError(error)) return { status: statusOf[error.code], body: body(error.code, error.message, error.details) };
  const status = (error as FastifyError | null)?.statusCode;
  if (status === 429) return { status, body: body('rate_limited', 'Too many attempts: wait a few minutes and try again.') };
  if (status === 413) return { status, body: body('too_large', (error as Error).message) };
  if (status && status >= 400 && status < 500) return { status, body: body('invalid_input', (error as Error).message) };
  return null;
}

export const internalErrorBody = body('internal', 'Something went wrong on the server; it has been logged.');

/** Maps every error to `{"error":{code,message,details}}`; a 5xx never shows internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const known = errorReplyOf(error);
    if (known) return reply.status(known.status).send(known.body);
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(internalErrorBody);
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`)));
}
