import type { FastifyInstance } from 'fastify';
import { requireMarketplace } from '../../domain/marketplaces.js';
import { lintDraft } from '../../domain/messages/draft.js';
import { isReadyToSend } from '../../domain/messages/lint.js';
import { languageOf } from '../../services/case-message.js';
import { decideCase } from '../../services/decide-case.js';
import { templatesInForce } from '../../services/message-templates.js';
import { accountIdOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { lintBody, lintReply, recommendationQuery, recommendationReply, templatesReply, toRecommendationResponse } from '../schemas/decisions.js';
import type { LintResponse, RecommendationResponse } from '../schemas/decisions.js';
import { returnCaseParams } from '../schemas/returns.js';

// The decision desk (docs/decisions.md, docs/api/decisions.md): what to do with an open request, and
// the compliance lint of a buyer message an agent edited before sending it in Seller Central.

export function registerDecisionRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get('/api/accounts/:accountId/returns/:id/recommendation', describeRoute({
    access: { permission: 'read' }, tags: ['decisions'],
    summary: 'The decision for an open seller-fulfilled request: every option with its costs, the recommendation, why, the deadlines and the buyer message',
    params: returnCaseParams, query: recommendationQuery, replies: { 200: recommendationReply },
  }), async (request): Promise<RecommendationResponse> => {
    const { id } = returnCaseParams.parse(request.params);
    const { buyerName } = recommendationQuery.parse(request.query);
    return toRecommendationResponse(await decideCase(context.database, accountIdOf(request), id, context.now(), buyerName));
  });

  app.post('/api/accounts/:accountId/messages/lint', describeRoute({
    access: { permission: 'read' }, tags: ['decisions'],
    summary: 'Check an edited buyer message against Amazon\'s messaging rules: the findings, and whether it is ready to send',
    params: accountParams, body: lintBody, replies: { 200: lintReply },
  }), async (request): Promise<LintResponse> => {
    const body = lintBody.parse(request.body);
    const marketplace = requireMarketplace(body.marketplace);
    // The language drafts of this marketplace are written in, unless the agent wrote in another.
    const language = body.language ?? languageOf(marketplace).language;
    const findings = lintDraft(body.subject, body.body, language);
    return { marketplace: marketplace.code, language, findings, ready: isReadyToSend(findings) };
  });

  app.get('/api/accounts/:accountId/messages/templates', describeRoute({
    access: { permission: 'read' }, tags: ['decisions'],
    summary: 'Every buyer-message template per language and action as drafts use them now: the seller\'s own wording from the policy, else the shipped one',
    params: accountParams, replies: { 200: templatesReply },
  }), async (request) => templatesInForce(context.database, accountIdOf(request)));
}
