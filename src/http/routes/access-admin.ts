import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { createToken, listUserTokens, revokeToken } from '../../services/api-tokens.js';
import type { ApiToken } from '../../services/api-tokens.js';
import { accountChain, recentChanges, verifyOneChain } from '../../services/audit.js';
import type { Database } from '../../services/open-database.js';
import { findAccountUser, listAccountUsers } from '../../services/users.js';
import { accountIdOf, actorOf, rolesOf } from '../auth/access.js';
import type { Identity } from '../auth/access.js';
import { toVisibleUser } from '../schemas/settings.js';
import { describeRoute } from '../route-options.js';
import { auditListReply, chainCheckReply, createdTokenReply, tokenListReply, tokenReply, userListReply } from '../schemas/access.js';
import { accountParams } from '../schemas/accounts.js';

// The caller's own API tokens, an account's users, and its audit log (docs/security.md).

const newTokenBody = z.object({
  name: z.string().min(1).max(100), accountId: z.number().int().min(1).max(999_999_999), role: z.string().max(20).optional(),
}).strict();
const tokenParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict();

export function registerAccessAdminRoutes(app: FastifyInstance, database: Database, now: () => string): void {
  app.get('/api/auth/tokens', describeRoute({
    access: { signedIn: true }, tags: ['auth'], summary: 'Your API tokens, newest first (never their secrets); a token sees those of its own account only', replies: { 200: tokenListReply },
  }), async (request) => ({ items: await visibleTokens(database, request.identity!) }));

  app.post('/api/auth/tokens', describeRoute({
    access: { signedIn: true }, tags: ['auth'], summary: 'Create an API token for yourself; its secret is in this answer only', body: newTokenBody, replies: { 201: createdTokenReply },
  }), async (request, reply) => {
    // A token never makes tokens: one that leaked cannot mint others that outlive its revocation.
    if (request.identity?.via !== 'session') throw new DomainError('forbidden', 'API tokens are created from a login session, not with another token.', {});
    const body = newTokenBody.parse(request.body);
    const { username } = await findAccountUser(database, request.identity.userId);
    const created = await createToken(database, { username, accountId: body.accountId, role: body.role, name: body.name }, actorOf(request.identity), now());
    return reply.status(201).send(created);
  });

  app.delete('/api/auth/tokens/:id', describeRoute({ access: { signedIn: true }, tags: ['auth'], summary: 'Revoke one of your API tokens', params: tokenParams, replies: { 200: tokenReply } }),
    async (request) => {
      const { id } = tokenParams.parse(request.params);
      // A token reaches only its own account, here too: the user's tokens elsewhere read as not found.
      if (!(await visibleTokens(database, request.identity!)).some((t) => t.id === id)) throw new DomainError('not_found', `There is no API token ${id}.`, { id });
      return revokeToken(database, id, actorOf(request.identity), now(), request.identity!.userId);
    });

  app.get('/api/accounts/:accountId/users', describeRoute({
    access: { permission: 'manage_users' }, tags: ['users'], summary: 'The users with a role in the account (with their roles in the accounts you hold one in)',
    params: accountParams, replies: { 200: userListReply },
  }), async (request) => {
    const users = await listAccountUsers(database, accountIdOf(request));
    return { items: users.map((user) => toVisibleUser(user, rolesOf(request.identity!))) };
  });

  app.get('/api/accounts/:accountId/audit', describeRoute({
    access: { permission: 'audit' }, tags: ['audit'], summary: 'The account\'s newest changes: who, when, what, before and after',
    params: accountParams, query: auditQuery, replies: { 200: auditListReply },
  }), async (request) => {
    const { limit } = auditQuery.parse(request.query);
    return { items: await recentChanges(database, accountChain(accountIdOf(request)), limit) };
  });

  app.get('/api/accounts/:accountId/audit/verify', describeRoute({ access: { permission: 'audit' }, tags: ['audit'], summary: 'Check the account\'s audit chain from its first entry', params: accountParams, replies: { 200: chainCheckReply } }), async (request) => verifyOneChain(database, accountChain(accountIdOf(request))));
}

/** The caller's tokens: all of a session's user, only its own account's for a token. */
async function visibleTokens(database: Database, identity: Identity): Promise<ApiToken[]> {
  const tokens = await listUserTokens(database, identity.userId);
  return identity.via === 'token' ? tokens.filter((t) => t.accountId === identity.accountId) : tokens;
}
