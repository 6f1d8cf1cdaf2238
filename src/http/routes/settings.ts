import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { addOwnedAccount, listAccountsWithRoles } from '../../services/accounts.js';
import { applyPolicyDocument, parsePolicyText, policySchema, showPolicy, validatePolicy } from '../../services/policy.js';
import { addAccountUser, removeAccountUser, setAccountUserRole } from '../../services/users.js';
import type { Identity } from '../auth/access.js';
import { accountIdOf, actorOf, rolesOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { userReply } from '../schemas/access.js';
import { accountParams } from '../schemas/accounts.js';
import {
  accountListQuery, accountListReply, accountReply, accountUserParams, appliedPolicyReply, newAccountBody, newAccountUserBody, policyApplyQuery,
  policyCheckReply, policyIfMatchHeader, policyReply, toVisibleUser, userRoleBody,
} from '../schemas/settings.js';

// The settings screens (docs/api/settings.md): the policy with its fee tables and message templates,
// an account's users, and the seller accounts. Every change goes through a service that writes its
// audit entry in the same transaction.

/** The name a policy sent over the API is stored and reported under when the request names none. */
const apiSource = 'API request';
const policyTypes = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

export async function registerSettingsRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  // YAML as text, like `returndesk policy apply` reads it; scoped to this module.
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  registerPolicyRoutes(app, context);
  registerUserRoutes(app, context);
  registerAccountRoutes(app, context);
}

function registerPolicyRoutes(app: FastifyInstance, { database, now }: RouteContext): void {
  app.get('/api/accounts/:accountId/policy', describeRoute({
    access: { permission: 'read' }, tags: ['settings'], summary: 'The policy in force (version 0: the built-in default), with its version as the ETag',
    params: accountParams, replies: { 200: policyReply },
  }), async (request, reply) => {
    const shown = await showPolicy(database, accountIdOf(request));
    setPolicyEtag(reply, shown.version);
    return shown;
  });

  app.post('/api/accounts/:accountId/policy/validate', describeRoute({
    access: { permission: 'configure' }, tags: ['settings'], summary: 'Check a policy (JSON or YAML) and list every error with its path; stores nothing',
    params: accountParams, body: policySchema, consumes: policyTypes, replies: { 200: policyCheckReply },
  }), async (request) => {
    const checked = validatePolicy(policyDocumentOf(request.body));
    return checked.ok ? { ok: true, errors: [] } : { ok: false, errors: checked.errors };
  });

  app.put('/api/accounts/:accountId/policy', describeRoute({
    access: { permission: 'configure' }, tags: ['settings'],
    summary: 'Apply a whole policy (JSON or YAML) as the next version; 400 lists every error and stores nothing; optional If-Match',
    params: accountParams, query: policyApplyQuery, headers: policyIfMatchHeader, body: policySchema, consumes: policyTypes, replies: { 200: appliedPolicyReply },
  }), async (request, reply) => {
    const { source } = policyApplyQuery.parse(request.query);
    const expectedVersion = policyIfMatch(request);
    const applied = await applyPolicyDocument(database, accountIdOf(request), policyDocumentOf(request.body), source ?? apiSource, now(),
      { expectedVersion, actor: actorOf(request.identity) });
    setPolicyEtag(reply, applied.version);
    return applied;
  });
}

function registerUserRoutes(app: FastifyInstance, { database, now }: RouteContext): void {
  app.post('/api/accounts/:accountId/users', describeRoute({
    access: { permission: 'manage_users' }, tags: ['users'],
    summary: 'Add a user with a password and a role (201), or give a user you manage in another account a role here (200)',
    params: accountParams, body: newAccountUserBody, replies: { 200: userReply, 201: userReply },
  }), async (request, reply) => {
    const body = newAccountUserBody.parse(request.body ?? {});
    const identity = request.identity!;
    const manager = { actor: actorOf(identity), accountIds: managedAccounts(identity) };
    const { user, created } = await addAccountUser(database, accountIdOf(request), body, manager, now());
    return reply.status(created ? 201 : 200).send(toVisibleUser(user, rolesOf(identity)));
  });

  app.put('/api/accounts/:accountId/users/:userId/role', describeRoute({
    access: { permission: 'manage_users' }, tags: ['users'], summary: 'Change a user\'s role in the account; the last owner keeps theirs (409)',
    params: accountUserParams, body: userRoleBody, replies: { 200: userReply },
  }), async (request) => {
    const { userId } = accountUserParams.parse(request.params);
    const { role } = userRoleBody.parse(request.body ?? {});
    const user = await setAccountUserRole(database, accountIdOf(request), userId, role, actorOf(request.identity), now());
    return toVisibleUser(user, rolesOf(request.identity!));
  });

  app.delete('/api/accounts/:accountId/users/:userId', describeRoute({
    access: { permission: 'manage_users' }, tags: ['users'],
    summary: 'Take a user\'s role in the account away (and their tokens for it); a user left with no account is removed. The last owner stays (409)',
    params: accountUserParams, replies: { 204: 'empty' },
  }), async (request, reply) => {
    const { userId } = accountUserParams.parse(request.params);
    await removeAccountUser(database, accountIdOf(request), userId, actorOf(request.identity), now());
    return reply.status(204).send();
  });
}

function registerAccountRoutes(app: FastifyInstance, { database, now }: RouteContext): void {
  app.get('/api/accounts', describeRoute({
    access: { signedIn: true }, tags: ['accounts'], summary: 'The seller accounts you hold a role in, with the role (a token: its own account only)',
    query: accountListQuery, replies: { 200: accountListReply },
  }), async (request) => {
    const query = accountListQuery.parse(request.query);
    const page = await listAccountsWithRoles(database, rolesOf(request.identity!), query);
    return { ...page, limit: query.limit, offset: query.offset };
  });

  app.post('/api/accounts', describeRoute({
    access: { signedIn: true }, tags: ['accounts'], summary: 'Add a seller account and become its owner (owners of an account only, from a login session)',
    body: newAccountBody, replies: { 201: accountReply },
  }), async (request, reply) => {
    const identity = request.identity!;
    // Like tokens making tokens: a leaked token must not open accounts it could then never be seen in.
    if (identity.via !== 'session') throw new DomainError('forbidden', 'Seller accounts are added from a login session, not with an API token.', {});
    const { name } = newAccountBody.parse(request.body ?? {});
    return reply.status(201).send(await addOwnedAccount(database, name, identity.userId, actorOf(identity), now()));
  });
}

/** The policy document of a request: a parsed JSON body, or JSON/YAML text; no body is a 400 that says how to send one. */
function policyDocumentOf(body: unknown): unknown {
  if (typeof body === 'string') return parsePolicyText(body, apiSource);
  if (body === undefined || body === null) {
    throw new DomainError('invalid_input', 'Send the policy as the request body: JSON (Content-Type: application/json) or YAML (application/yaml).', {});
  }
  return body;
}

function setPolicyEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The version an optional If-Match names; a malformed one is refused rather than ignored. */
function policyIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const version = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim())?.[1] : undefined;
  if (version === undefined) throw new DomainError('invalid_input', 'If-Match must be the policy\'s ETag, such as "3" (from GET …/policy), or be left out.', { header });
  return Number(version);
}

function managedAccounts(identity: Identity): number[] {
  return Object.entries(rolesOf(identity)).filter(([, role]) => can(role, 'manage_users')).map(([account]) => Number(account));
}
