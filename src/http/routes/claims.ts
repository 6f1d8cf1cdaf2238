import type { FastifyInstance, FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listAccountClaims, recordClaim, showClaim, writeClaimPacketFor } from '../../services/claims.js';
import type { ClaimRecordRequest } from '../../services/claims.js';
import { reconcileClaims } from '../../services/reconcile-claims.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { attachmentHeaders } from '../downloads.js';
import {
  claimDetailReply, claimListQuery, claimListReply, claimParams, claimReply, claimStatusBody, reconcileReply, toClaimDetailResponse, toClaimResponse,
} from '../schemas/claims.js';
import type { ClaimDetailResponse, ClaimListResponse, ClaimStatusBody } from '../schemas/claims.js';

// Claims (docs/api/claims.md, docs/claims.md): what Amazon owes on returns, found by reconciling the
// imported reports, worked through filed → won/partly_won/lost, and packed as an evidence ZIP.

const tags = ['claims'];

function recordRequestOf(body: ClaimStatusBody): ClaimRecordRequest {
  return body.status === 'won' ? { kind: 'won', amountMinor: body.amountMinor } : { kind: body.status };
}

export function registerClaimRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database } = context;

  app.get('/api/accounts/:accountId/claims', describeRoute({
    access: { permission: 'read' }, tags, summary: 'Claims, the soonest window to close first, paged, with the totals per month and currency',
    params: accountParams, query: claimListQuery, replies: { 200: claimListReply },
  }), async (request): Promise<ClaimListResponse> => {
    const query = claimListQuery.parse(request.query);
    const page = await listAccountClaims(database, accountIdOf(request), query.status, query);
    return { items: page.claims.map(toClaimResponse), total: page.total, limit: query.limit, offset: query.offset, totals: page.totals };
  });

  app.post('/api/accounts/:accountId/claims/reconcile', describeRoute({
    access: { permission: 'work_cases' }, tags, summary: 'Find every claim the imported reports support (run after each import); answers the counts',
    params: accountParams, replies: { 200: reconcileReply },
  }), async (request) => reconcileClaims(database, accountIdOf(request), context.now(), { actor: actorOf(request.identity) }));

  app.get('/api/accounts/:accountId/claims/:id', describeRoute({
    access: { permission: 'read' }, tags, summary: 'One claim: amount and computation, proof rows, window, history, the case\'s evidence files and the claim text',
    params: claimParams, replies: { 200: claimDetailReply },
  }), async (request): Promise<ClaimDetailResponse> => {
    const { id } = claimParams.parse(request.params);
    return toClaimDetailResponse(await showClaim(database, accountIdOf(request), id, context.now()));
  });

  app.post('/api/accounts/:accountId/claims/:id/status', describeRoute({
    access: { permission: 'work_cases' }, tags,
    summary: 'Record that the claim was filed, won (with what Amazon paid) or lost; a move its status does not allow is 409',
    params: claimParams, body: claimStatusBody, replies: { 200: claimReply },
  }), async (request) => {
    const { id } = claimParams.parse(request.params);
    const body = claimStatusBody.parse(request.body);
    const actor = actorOf(request.identity);
    const claim = await recordClaim(database, accountIdOf(request), id, recordRequestOf(body), context.now(), actor, body.note ?? null, actor);
    return toClaimResponse(claim);
  });

  app.get('/api/accounts/:accountId/claims/:id/packet', describeRoute({
    access: { permission: 'read' }, tags, summary: 'The claim\'s evidence packet, a ZIP download (docs/claims-packet.md)',
    params: claimParams, replies: { 200: 'file' },
  }), async (request, reply) => {
    const { id } = claimParams.parse(request.params);
    await mkdir(context.scratchDirectory, { recursive: true });
    // A folder of its own (mode 0700), so no other request or user sees the packet while it is written and sent.
    const folder = await mkdtemp(join(context.scratchDirectory, 'claim-packet-'));
    try {
      const packet = await writeClaimPacketFor(database, accountIdOf(request), id, join(folder, `claim-${id}.zip`), context.evidence, context.now());
      return sendAndRemove(reply, packet.path, packet.sizeBytes, folder, `claim-${id}.zip`);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  });
}

/**
 * Streams the packet and removes its folder once the stream closes: after the last byte, and also
 * when the client goes away mid-download (Fastify destroys the stream then, which closes it too).
 */
function sendAndRemove(reply: FastifyReply, path: string, sizeBytes: number, folder: string, fileName: string): FastifyReply {
  const stream = createReadStream(path);
  stream.once('close', () => {
    rm(folder, { recursive: true, force: true }).catch((error: unknown) => reply.log.error({ err: error, folder }, 'could not remove a claim packet'));
  });
  return reply.headers({ ...attachmentHeaders(fileName, 'application/zip'), 'content-length': sizeBytes }).send(stream);
}
