import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { can } from '../../domain/access/permissions.js';
import type { Permission, Role } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { authenticateToken } from '../../services/api-tokens.js';
import type { Database } from '../../services/open-database.js';
import { authenticateSession, csrfMatches } from '../../services/sessions.js';
import type { SessionIdentity } from '../../services/sessions.js';
import { isDocsRoute } from '../openapi.js';
import type { Replies } from '../route-options.js';

// Who is asking, checked on every route before anything else runs (docs/security.md#http-api). Each
// route declares its access in `config.access`; a route without one makes the server refuse to start.

/** What a route needs: nothing (health, login), any signed-in user, or a permission in the `:accountId` of its path. */
export type Access = { readonly public: true } | { readonly signedIn: true } | { readonly permission: Permission };

export type Identity =
  | { readonly via: 'session'; readonly userId: number; readonly session: SessionIdentity }
  | { readonly via: 'token'; readonly userId: number; readonly tokenId: number; readonly accountId: number; readonly role: Role };

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance {
    /** Whether the login cookie is always Secure (served behind an HTTPS proxy: ServerOptions.secureCookies). */
    secureCookies: boolean;
  }
  interface FastifyRequest {
    identity: Identity | null;
    /** The seller account of the path and the caller's role in it, on routes that need a permission. */
    account: { readonly id: number; readonly role: Role } | null;
  }
}

export const sessionCookie = 'rd_session';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route as the access checks saw it when it was registered: what the route test walks. */
export interface RouteAccess { readonly method: string; readonly url: string; readonly access: Access; readonly replies: Replies | undefined }

/** Adds the checks to every route of `app`; returns the routes as they are registered. */
export function registerAccessChecks(app: FastifyInstance, database: Database, now: () => string): RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.decorateRequest('identity', null);
  app.decorateRequest('account', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (isDocsRoute(route) && !route.config?.access) route.config = { ...route.config, access: { public: true } };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access (config.access).`);
    if ('permission' in access && !route.url.includes(':accountId')) throw new Error(`Route ${route.url} needs a permission but has no :accountId.`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access, replies: route.config?.replies });
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    // No route matched: the not-found handler answers, and says nothing of what exists.
    if (!access || 'public' in access) return;
    request.identity = await identify(database, request, now());
    if (request.identity === null) throw new DomainError('unauthenticated', 'Log in, or send an API token as "Authorization: Bearer rd_…".', {});
    requireCsrf(request);
    if ('permission' in access) request.account = accountOf(request, request.identity, access.permission);
    reply.header('cache-control', 'no-store');
  });
  return routes;
}

async function identify(database: Database, request: FastifyRequest, at: string): Promise<Identity | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    // A header that is there but wrong is refused, never passed over for a cookie.
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const token = bearer === undefined ? null : await authenticateToken(database, bearer, at);
    return token && { via: 'token', userId: token.userId, tokenId: token.tokenId, accountId: token.accountId, role: token.role };
  }
  const cookie = request.cookies[sessionCookie];
  const session = cookie === undefined ? null : await authenticateSession(database, cookie, at);
  return session && { via: 'session', userId: session.userId, session };
}

/** A write on a session cookie must carry the session's CSRF token: another site's form or script cannot read it. */
function requireCsrf(request: FastifyRequest): void {
  const identity = request.identity;
  if (identity?.via !== 'session' || safeMethods.has(request.method)) return;
  const header = request.headers[csrfHeader];
  if (!csrfMatches(identity.session, typeof header === 'string' ? header : undefined)) {
    throw new DomainError('forbidden', `A change needs the ${csrfHeader} header the login answered with.`, { reason: 'csrf' });
  }
}

function accountOf(request: FastifyRequest, identity: Identity, permission: Permission): { id: number; role: Role } {
  const text = (request.params as Record<string, string>).accountId ?? '';
  const id = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  const role = identity.via === 'token' ? (identity.accountId === id ? identity.role : undefined) : identity.session.roles[id];
  // Another account's path reads as one that does not exist: its existence is not for this caller to learn.
  if (role === undefined) throw new DomainError('not_found', `There is no seller account ${text} you can use.`, { accountId: text });
  if (!can(role, permission)) throw new DomainError('forbidden', `A ${role} cannot do this (it needs the ${permission} permission).`, { role, permission });
  return { id, role };
}


/** The caller's role per seller account: a session's user's roles, or a token's one account. */
export function rolesOf(identity: Identity): Readonly<Record<number, Role>> {
  return identity.via === 'token' ? { [identity.accountId]: identity.role } : identity.session.roles;
}

/** Who the audit log names for a request. */
export function actorOf(identity: Identity | null): string {
  if (identity === null) throw new Error('A change reached its handler without an identity: the route declares no access.');
  return identity.via === 'token' ? `token:${identity.tokenId}` : `user:${identity.userId}`;
}

/** The account the access checks found for this request (routes with a permission only). */
export function accountIdOf(request: FastifyRequest): number {
  if (request.account === null) throw new Error('The route has no permission in its access, so no account was checked.');
  return request.account.id;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure: request.server.secureCookies || request.protocol === 'https', path: '/api', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/api' });
}
