import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';

// A case's version as its HTTP entity tag: `GET` answers `ETag: "7"`, and a change sends it back as
// `If-Match: "7"`; the service refuses the change with 409 when the case moved on (services/case-versions.ts).

export function setCaseEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The header every change to a case sends (for the OpenAPI document; `ifMatchVersion` reads it). */
export const ifMatchHeader = z.object({ 'if-match': z.string().describe('The case\'s ETag, such as "7"') });

/** The version of `If-Match`, required on every change to a case: a change without one could overwrite what the client never saw. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const version = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim())?.[1] : undefined;
  if (version === undefined) {
    throw new DomainError('invalid_input', 'Send the case\'s version as If-Match: "<version>" (the ETag of GET …/returns/:id).', { header: header ?? null });
  }
  return Number(version);
}
