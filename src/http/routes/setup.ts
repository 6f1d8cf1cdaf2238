import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { createFirstOwner, setupCodeMatches } from '../../services/first-owner.js';
import type { Database } from '../../services/open-database.js';
import { login, sessionHours } from '../../services/sessions.js';
import { findAccountUser, hasUsers } from '../../services/users.js';
import { setSessionCookie } from '../auth/access.js';
import { describeRoute } from '../route-options.js';
import { setupReply, setupStatusReply } from '../schemas/access.js';

// The web app's first run (docs/security.md#first-start): on an instance without users, the person
// at the server's terminal creates the owner with the setup code `returndesk serve` printed there.

const setupBody = z.object({
  setupCode: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  displayName: z.string().max(100).optional(),
  accountName: z.string().max(100).optional(),
}).strict();

/** Setup codes a client may try per address in a window, before 429: the code cannot be guessed by trying. */
const setupAttempts = { max: 10, timeWindow: 15 * 60_000 };

/** `setupCode`: the code this server printed at start; without one the first-run route refuses (the owner is then made with `returndesk user add`). */
export function registerSetupRoutes(app: FastifyInstance, database: Database, now: () => string, setupCode: string | undefined): void {
  app.get('/api/setup', describeRoute({
    access: { public: true }, tags: ['auth'], summary: 'Whether the instance still needs its owner (the web app\'s first run)', replies: { 200: setupStatusReply },
  }), async () => ({ needsOwner: !(await hasUsers(database)) }));

  app.post('/api/setup', describeRoute({
    access: { public: true }, tags: ['auth'],
    summary: 'Create the owner with the setup code `returndesk serve` printed, and log them in (only while nobody can log in)',
    body: setupBody, replies: { 201: setupReply },
    config: { rateLimit: { ...setupAttempts, keyGenerator: (request: FastifyRequest) => request.ip } },
  }), async (request, reply) => {
    const body = setupBody.parse(request.body);
    if (setupCode === undefined) {
      throw new DomainError('forbidden', 'This server was started without a setup code: create the owner with "returndesk user add NAME --role owner".', { reason: 'no_setup_code' });
    }
    if (!setupCodeMatches(setupCode, body.setupCode)) {
      throw new DomainError('forbidden', 'That is not the setup code: copy it from the terminal where "returndesk serve" runs.', { reason: 'setup_code' });
    }
    const { user, account } = await createFirstOwner(database, body, now());
    const session = await login(database, body.username, body.password, now());
    setSessionCookie(request, reply, session.sessionToken, sessionHours * 3600);
    return reply.status(201).send({ user: await findAccountUser(database, user.id), csrfToken: session.csrfToken, expiresAt: session.expiresAt, account });
  });
}
