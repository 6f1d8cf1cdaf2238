import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { amazonConnectionOf, connectAmazon, disconnectAmazon } from '../../services/amazon-connection.js';
import { amazonSyncStatusOf } from '../../services/amazon-sync.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { amazonConnectBody, amazonStatusReply, syncStartReply, toAmazonStatusResponse } from '../schemas/amazon.js';

// A seller account's Selling Partner API connection and its syncs (docs/api/amazon.md). Connecting
// needs `configure` (owner, manager); starting a sync needs `import`; looking, `read`.

const tags = ['amazon'];
const path = '/api/accounts/:accountId/amazon';

export function registerAmazonRoutes(app: FastifyInstance, context: RouteContext): void {
  const { amazon } = context;
  const statusOf = async (accountId: number) => toAmazonStatusResponse(await amazonSyncStatusOf(context.database, accountId), amazon.runner.isRunning(accountId), amazon.scheduleHours);

  app.get(path, describeRoute({
    access: { permission: 'read' }, tags, summary: 'The account\'s Amazon connection (never its secrets) and how far each report was synced',
    params: accountParams, replies: { 200: amazonStatusReply },
  }), async (request) => statusOf(accountIdOf(request)));

  app.put(path, describeRoute({
    access: { permission: 'configure' }, tags,
    summary: 'Connect the account to the Selling Partner API, or replace its credentials: the LWA client id, client secret and refresh token, and marketplaces of one region. The secrets are stored sealed and never answered',
    params: accountParams, body: amazonConnectBody, replies: { 200: amazonStatusReply },
  }), async (request) => {
    const accountId = accountIdOf(request);
    const body = amazonConnectBody.parse(request.body);
    await connectAmazon(context.database, accountId, body, amazon.box, context.now(), actorOf(request.identity));
    return statusOf(accountId);
  });

  app.delete(path, describeRoute({
    access: { permission: 'configure' }, tags, summary: 'Forget the account\'s Amazon credentials (204; 404 when it was not connected)',
    params: accountParams, replies: { 204: 'empty' },
  }), async (request, reply) => {
    const accountId = accountIdOf(request);
    if (!(await disconnectAmazon(context.database, accountId, context.now(), actorOf(request.identity)))) {
      throw new DomainError('not_found', `Seller account ${accountId} is not connected to Amazon.`, { accountId });
    }
    return reply.status(204).send();
  });

  app.post(`${path}/sync`, describeRoute({
    access: { permission: 'import' }, tags, summary: 'Start a sync of the account\'s reports now (202); it runs in the server, GET …/amazon follows it',
    params: accountParams, replies: { 202: syncStartReply },
  }), async (request, reply) => {
    const accountId = accountIdOf(request);
    if ((await amazonConnectionOf(context.database, accountId)) === null) {
      throw new DomainError('conflict', `Seller account ${accountId} is not connected to Amazon: connect it first (PUT ${path.replace(':accountId', String(accountId))}).`, { accountId });
    }
    const started = amazon.runner.runNow(accountId);
    return reply.status(202).send({ started, syncRunning: amazon.runner.isRunning(accountId) });
  });
}
