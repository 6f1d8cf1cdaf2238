import type { FastifyInstance, FastifyReply } from 'fastify';
import { quoteCaseRefund } from '../../services/case-refund.js';
import { exportAdjustments } from '../../services/export-adjustments.js';
import type { AdjustmentExport } from '../../services/export-adjustments.js';
import { recordCaseRefund } from '../../services/record-refund.js';
import { nameOfUser } from '../../services/users.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import { ifMatchHeader, ifMatchVersion, setCaseEtag } from '../case-versions.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { attachmentHeaders } from '../downloads.js';
import {
  recordedRefundReply, refundChoicesBody, refundQuoteReply, refundRecordBody, toRecordedRefundResponse, toRefundQuoteResponse,
} from '../schemas/refunds.js';
import type { RefundQuoteResponse } from '../schemas/refunds.js';
import { returnCaseParams } from '../schemas/returns.js';

// Refunds of seller-fulfilled returns (docs/refunds.md, docs/api/refunds.md): the quote within
// Amazon's caps, the refund recorded once issued in Manage Returns, and the adjustment feed file.


/** `adjustments-20261127T120000Z.txt`: Amazon's flat files are tab-separated `.txt` uploads. */
function feedFileName(nowIso: string): string {
  return `adjustments-${nowIso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')}.txt`;
}

function sendFeed(reply: FastifyReply, exported: AdjustmentExport, nowIso: string): FastifyReply {
  reply.header('x-adjustments-exported', String(exported.refundIds.length));
  // Refunds left out (no order item id…) wait for the next export; their cases say why.
  reply.header('x-adjustments-skipped-cases', exported.skipped.map((s) => s.caseId).join(','));
  if (exported.text === null) return reply.status(204).send();
  return reply.status(200).headers(attachmentHeaders(feedFileName(nowIso), 'text/tab-separated-values; charset=utf-8')).send(exported.text);
}

export function registerRefundRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database } = context;

  app.post('/api/accounts/:accountId/returns/:id/refund-quotes', describeRoute({
    access: { permission: 'read' }, tags: ['refunds'],
    summary: 'The refund a case allows under Amazon\'s caps, line by line with its rule, the Manage Returns steps and the buyer message; writes nothing. Its ETag is the version quoted',
    params: returnCaseParams, body: refundChoicesBody, replies: { 200: refundQuoteReply },
  }), async (request, reply): Promise<RefundQuoteResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const choices = refundChoicesBody.parse(request.body ?? {});
    const quoted = await quoteCaseRefund(database, accountIdOf(request), { ...choices, identifier: id }, context.now());
    setCaseEtag(reply, quoted.caseVersion);
    return toRefundQuoteResponse(quoted);
  });

  app.post('/api/accounts/:accountId/returns/:id/refunds', describeRoute({
    access: { permission: 'refund' }, tags: ['refunds'],
    summary: 'Record that the quoted refund was issued in Manage Returns; the case becomes refunded. Needs If-Match with the case\'s ETag',
    params: returnCaseParams, body: refundRecordBody, headers: ifMatchHeader, replies: { 201: recordedRefundReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const expectedVersion = ifMatchVersion(request);
    const { recordedBy, ...choices } = refundRecordBody.parse(request.body ?? {});
    const recorded = await recordCaseRefund(database, accountIdOf(request), {
      ...choices, identifier: id, recordedBy: recordedBy ?? await nameOfUser(database, request.identity!.userId),
    }, context.now(), 'api', { expectedVersion, actor: actorOf(request.identity) });
    setCaseEtag(reply, recorded.version);
    return reply.status(201).send(toRecordedRefundResponse(recorded));
  });

  // A POST: it marks the refunds exported, so it needs the CSRF token on a session, and neither a HEAD
  // (which Fastify answers with a GET's handler) nor a link checker can take refunds out of the next feed.
  app.post('/api/accounts/:accountId/adjustments/export', describeRoute({
    access: { permission: 'refund' }, tags: ['refunds'],
    summary: 'Recorded refunds not yet exported, as Amazon\'s order adjustment feed file (marks them exported); 204 when there is none',
    params: accountParams, replies: { 200: 'file', 204: 'empty' },
  }), async (request, reply) => {
    const nowIso = context.now();
    // The text is sent once the transaction marking the refunds committed.
    const exported = await exportAdjustments(database, accountIdOf(request), nowIso, async () => undefined, actorOf(request.identity));
    return sendFeed(reply, exported, nowIso);
  });
}
