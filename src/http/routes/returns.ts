import type { FastifyInstance } from 'fastify';
import { listReturns, showReturn } from '../../services/list-returns.js';
import { recordOutcome } from '../../services/record-outcome.js';
import type { Database } from '../../services/open-database.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import { ifMatchVersion, setCaseEtag } from '../case-versions.js';
import { jsonSchemaOf } from '../openapi.js';
import { accountParams } from '../schemas/accounts.js';
import { outcomeBody, returnCaseParams, returnListQuery, toEventResponse, toReturnCaseResponse } from '../schemas/returns.js';
import type { ReturnDetailResponse, ReturnListResponse } from '../schemas/returns.js';


export function registerReturnRoutes(app: FastifyInstance, database: Database, now: () => string): void {
  app.get('/api/accounts/:accountId/returns', {
    config: { access: { permission: 'read' } },
    schema: { tags: ['returns'], summary: 'Return cases, newest request first, filtered and paged', params: jsonSchemaOf(accountParams), querystring: jsonSchemaOf(returnListQuery) },
  }, async (request): Promise<ReturnListResponse> => {
    const query = returnListQuery.parse(request.query);
    const page = await listReturns(database, { accountId: accountIdOf(request), ...query });
    return { items: page.items.map(toReturnCaseResponse), total: page.total, limit: query.limit, offset: query.offset };
  });

  app.get('/api/accounts/:accountId/returns/:id', {
    config: { access: { permission: 'read' } },
    schema: { tags: ['returns'], summary: 'One return case with its history, oldest event first', params: jsonSchemaOf(returnCaseParams) },
  }, async (request, reply): Promise<ReturnDetailResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const { returnCase, events } = await showReturn(database, accountIdOf(request), id);
    setCaseEtag(reply, returnCase.version);
    return { ...toReturnCaseResponse(returnCase), events: events.map(toEventResponse) };
  });

  app.post('/api/accounts/:accountId/returns/:id/outcomes', {
    config: { access: { permission: 'work_cases' } },
    schema: {
      tags: ['returns'], summary: 'Record what happened (an offer accepted or declined, the grade found); needs If-Match with the case\'s ETag',
      params: jsonSchemaOf(returnCaseParams), body: jsonSchemaOf(outcomeBody), headers: { type: 'object', properties: { 'if-match': { type: 'string' } }, required: ['if-match'] },
    },
  }, async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const expectedVersion = ifMatchVersion(request);
    const body = outcomeBody.parse(request.body);
    const recorded = await recordOutcome(database, accountIdOf(request), id, body, now(), 'api', { expectedVersion, actor: actorOf(request.identity) });
    setCaseEtag(reply, recorded.version);
    return reply.status(201).send(recorded);
  });
}
