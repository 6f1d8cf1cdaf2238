import type { FastifyInstance } from 'fastify';
import { listReturns, showReturn } from '../../services/list-returns.js';
import type { Database } from '../../services/open-database.js';
import { accountIdOf } from '../auth/access.js';
import { jsonSchemaOf } from '../openapi.js';
import { accountParams } from '../schemas/accounts.js';
import { returnCaseParams, returnListQuery, toEventResponse, toReturnCaseResponse } from '../schemas/returns.js';
import type { ReturnDetailResponse, ReturnListResponse } from '../schemas/returns.js';


export function registerReturnRoutes(app: FastifyInstance, database: Database): void {
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
  }, async (request): Promise<ReturnDetailResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const { returnCase, events } = await showReturn(database, accountIdOf(request), id);
    return { ...toReturnCaseResponse(returnCase), events: events.map(toEventResponse) };
  });
}
