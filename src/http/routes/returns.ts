import type { FastifyInstance } from 'fastify';
import { listReturns, showReturn } from '../../services/list-returns.js';
import { moveCase } from '../../services/move-case.js';
import { recordOutcome } from '../../services/record-outcome.js';
import type { Database } from '../../services/open-database.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import { ifMatchHeader, ifMatchVersion, setCaseEtag } from '../case-versions.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { caseStatusBody, caseStatusReply, outcomeBody, recordedOutcomeReply, returnCaseParams, returnDetailReply, returnListQuery, returnListReply, toEventResponse, toReturnCaseResponse } from '../schemas/returns.js';
import type { ReturnDetailResponse, ReturnListResponse } from '../schemas/returns.js';


export function registerReturnRoutes(app: FastifyInstance, database: Database, now: () => string): void {
  app.get('/api/accounts/:accountId/returns', describeRoute({
    access: { permission: 'read' }, tags: ['returns'], summary: 'Return cases, newest request first, filtered and paged',
    params: accountParams, query: returnListQuery, replies: { 200: returnListReply },
  }), async (request): Promise<ReturnListResponse> => {
    const query = returnListQuery.parse(request.query);
    const { reason, ...filters } = query;
    const page = await listReturns(database, { accountId: accountIdOf(request), ...filters, reasonCategory: reason });
    return { items: page.items.map(toReturnCaseResponse), total: page.total, limit: query.limit, offset: query.offset };
  });

  app.get('/api/accounts/:accountId/returns/:id', describeRoute({
    access: { permission: 'read' }, tags: ['returns'], summary: 'One return case with its history, oldest event first; its version is the ETag',
    params: returnCaseParams, replies: { 200: returnDetailReply },
  }), async (request, reply): Promise<ReturnDetailResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const { returnCase, events } = await showReturn(database, accountIdOf(request), id);
    setCaseEtag(reply, returnCase.version);
    return { ...toReturnCaseResponse(returnCase), events: events.map(toEventResponse) };
  });

  app.post('/api/accounts/:accountId/returns/:id/outcomes', describeRoute({
    access: { permission: 'work_cases' }, tags: ['returns'],
    summary: 'Record what happened (an offer accepted or declined, the grade found); needs If-Match with the case\'s ETag',
    params: returnCaseParams, body: outcomeBody, headers: ifMatchHeader, replies: { 201: recordedOutcomeReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const expectedVersion = ifMatchVersion(request);
    const body = outcomeBody.parse(request.body);
    const recorded = await recordOutcome(database, accountIdOf(request), id, body, now(), 'api', { expectedVersion, actor: actorOf(request.identity) });
    setCaseEtag(reply, recorded.version);
    return reply.status(201).send(recorded);
  });

  app.post('/api/accounts/:accountId/returns/:id/status', describeRoute({
    access: { permission: 'work_cases' }, tags: ['returns'],
    summary: 'Record that a request was authorized, refunded without a return or closed in Seller Central (no Amazon API can): the case\'s status follows; needs If-Match with the case\'s ETag',
    params: returnCaseParams, body: caseStatusBody, headers: ifMatchHeader, replies: { 201: caseStatusReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const expectedVersion = ifMatchVersion(request);
    const body = caseStatusBody.parse(request.body);
    const moved = await moveCase(database, accountIdOf(request), id, { to: body.status, note: body.note }, now(), 'api', { expectedVersion, actor: actorOf(request.identity) });
    setCaseEtag(reply, moved.version);
    return reply.status(201).send(moved);
  });
}
