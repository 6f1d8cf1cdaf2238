import { z } from 'zod';
import { roles } from '../../domain/access/permissions.js';

// What the auth, token, user and audit routes answer (docs/security.md).

const instant = z.string();
const role = z.enum(roles);

export const userReply = z.object({
  id: z.number().int(), username: z.string(), displayName: z.string(), createdAt: instant, disabledAt: instant.nullable(), hasPassword: z.boolean(),
  /** The user's role per seller account id. */
  roles: z.record(z.string(), role),
}).strict();

export const tokenReply = z.object({
  id: z.number().int(), prefix: z.string(), userId: z.number().int(), accountId: z.number().int(), role, name: z.string(),
  createdAt: instant, lastUsedAt: instant.nullable(), revokedAt: instant.nullable(),
}).strict();

export const loginReply = z.object({ user: userReply, csrfToken: z.string(), expiresAt: instant }).strict();

export const meReply = z.object({
  user: userReply, via: z.enum(['session', 'token']),
  token: z.object({ id: z.number().int(), accountId: z.number().int(), role }).strict().optional(),
}).strict();

export const tokenListReply = z.object({ items: z.array(tokenReply) }).strict();
export const createdTokenReply = z.object({ token: tokenReply, secret: z.string() }).strict();
export const userListReply = z.object({ items: z.array(userReply) }).strict();

export const auditEntryReply = z.object({
  chain: z.string(), seq: z.number().int(), at: instant, actor: z.string(), action: z.string(), subject: z.string(),
  before: z.string().nullable(), after: z.string().nullable(), prevHash: z.string(), hash: z.string(),
}).strict();
export const auditListReply = z.object({ items: z.array(auditEntryReply) }).strict();
export const chainCheckReply = z.object({
  chain: z.string(), entries: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.string() }).strict().nullable(),
}).strict();

export const healthReply = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string(), version: z.string() }).strict();

export const setupStatusReply = z.object({
  /** True while nobody can log in: the web app then shows its first-run page. */
  needsOwner: z.boolean(),
}).strict();

export const setupReply = loginReply.extend({
  account: z.object({ id: z.number().int(), name: z.string(), createdAt: instant }).strict().nullable(),
}).strict();
