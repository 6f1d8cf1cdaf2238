import type { FastifyInstance } from 'fastify';
import { listReturns, showReturn } from '../../services/list-returns.js';
import { defaultAccountId } from '../../services/accounts.js';
import type { Database } from '../../services/open-database.js';
import { returnCaseParams, returnListQuery, toEventResponse, toReturnCaseResponse } from '../schemas/returns.js';
import type { ReturnDetailResponse, ReturnListResponse } from '../schemas/returns.js';


export function registerReturnRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api/returns', async (request): Promise<ReturnListResponse> => {
    const query = returnListQuery.parse(request.query);
    const page = await listReturns(database, { accountId: defaultAccountId, ...query });
    return { items: page.items.map(toReturnCaseResponse), total: page.total, limit: query.limit, offset: query.offset };
  });

  app.get('/api/returns/:id', async (request): Promise<ReturnDetailResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const { returnCase, events } = await showReturn(database, defaultAccountId, id);
    return { ...toReturnCaseResponse(returnCase), events: events.map(toEventResponse) };
  });
}
