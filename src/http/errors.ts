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
};

/** The one error body of the API. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

function body(code: string, message: string, details: unknown = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** Maps every error to `{"error":{code,message,details}}`; a 5xx never shows internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ZodError) {
      return reply.status(400).send(body('invalid_input', 'The request is not valid.', error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
    }
    if (isDomainError(error)) return reply.status(statusOf[error.code]).send(body(error.code, error.message, error.details));
    const status = (error as FastifyError).statusCode;
    if (status === 429) return reply.status(429).send(body('rate_limited', 'Too many attempts: wait a few minutes and try again.'));
    if (status && status >= 400 && status < 500) return reply.status(status).send(body('invalid_input', error.message));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('internal', 'Something went wrong on the server; it has been logged.'));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`)));
}
