import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../services/open-database.js';
import { login, logout, sessionHours } from '../../services/sessions.js';
import { findAccountUser } from '../../services/users.js';
import { clearSessionCookie, rolesOf, setSessionCookie } from '../auth/access.js';
import { toVisibleUser } from '../schemas/settings.js';
import { describeRoute } from '../route-options.js';
import { loginReply, meReply } from '../schemas/access.js';

// Logging in and out of the web app (docs/security.md#sessions).

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();

/** Wrong passwords a client may try per username and address in a window, before 429. */
const loginAttempts = { max: 10, timeWindow: 15 * 60_000 };

export function registerAuthRoutes(app: FastifyInstance, database: Database, now: () => string): void {
  app.post('/api/auth/login', describeRoute({
    access: { public: true }, tags: ['auth'], summary: 'Log in: sets the rd_session cookie and answers the CSRF token for writes',
    body: loginBody, replies: { 200: loginReply },
    config: {
      // After the body is read, so the limit is per address and username: one user's guesser does not lock out the office.
      rateLimit: { ...loginAttempts, hook: 'preHandler', keyGenerator: (request: FastifyRequest) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}` },
    },
  }), async (request, reply) => {
    const { username, password } = loginBody.parse(request.body);
    const session = await login(database, username, password, now());
    setSessionCookie(request, reply, session.sessionToken, sessionHours * 3600);
    return { user: await findAccountUser(database, session.userId), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.post('/api/auth/logout', describeRoute({ access: { signedIn: true }, tags: ['auth'], summary: 'End the login session', replies: { 204: 'empty' } }), async (request, reply) => {
    if (request.identity?.via === 'session') await logout(database, request.identity.session.sessionId, now());
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', describeRoute({ access: { signedIn: true }, tags: ['auth'], summary: 'Who is asking: the user, their roles, and the token used', replies: { 200: meReply } }), async (request) => {
    const identity = request.identity!;
    return {
      // A token shows its own account's role only, as everywhere a token reaches.
      user: toVisibleUser(await findAccountUser(database, identity.userId), rolesOf(identity)), via: identity.via,
      ...(identity.via === 'token' ? { token: { id: identity.tokenId, accountId: identity.accountId, role: identity.role } } : {}),
    };
  });
}
