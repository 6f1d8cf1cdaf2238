import { z } from 'zod';
import { roles } from '../../domain/access/permissions.js';
import type { Role } from '../../domain/access/permissions.js';
import { policySchema } from '../../services/policy.js';
import type { User } from '../../services/users.js';
import { accountParams } from './accounts.js';

// The settings screens' API (docs/api/settings.md): the policy, an account's users, the seller accounts.

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const instant = z.string();
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

// ---- Policy ----

/** Where a policy came from, shown as its `sourceName` (the file a settings form read it from). */
export const policyApplyQuery = z.object({ source: z.string().trim().min(1, 'name the source (1 to 200 characters)').max(200).optional() }).strict();

/** `If-Match` on PUT …/policy is optional: with it, a change made on an older version gets 409. */
export const policyIfMatchHeader = z.object({ 'if-match': z.string().describe('The policy\'s ETag, such as "3" ("0": the built-in default)').optional() });

export const policyReply = z.object({
  /** 0: the built-in default, never applied. */
  version: z.number().int(),
  origin: z.enum(['default', 'applied']),
  sha256: z.string(),
  sourceName: z.string().nullable(),
  /** When this version came into force (null for the default). */
  appliedAt: instant.nullable(),
  policy: policySchema,
}).strict();

export const appliedPolicyReply = z.object({ version: z.number().int(), changed: z.boolean(), sha256: z.string() }).strict();

export const policyCheckReply = z.object({
  ok: z.boolean(),
  errors: z.array(z.object({ path: z.string(), message: z.string() }).strict()),
}).strict();

// ---- An account's users ----

export const accountUserParams = accountParams.extend({ userId: id });

// Lengths and roles are checked by the services, so the API says what the command line says.
export const newAccountUserBody = z.object({
  username: z.string(),
  displayName: z.string().trim().max(100, 'A display name has at most 100 characters.').optional(),
  password: z.string().optional(),
  role: z.string(),
}).strict();

export const userRoleBody = z.object({ role: z.string() }).strict();

/** The user with only the roles of accounts the caller holds a role in: where else someone works is not theirs to learn. */
export function toVisibleUser(user: User, callerRoles: Readonly<Record<number, Role>>): User {
  return { ...user, roles: Object.fromEntries(Object.entries(user.roles).filter(([account]) => callerRoles[Number(account)] !== undefined)) };
}

// ---- Seller accounts ----

export const accountListQuery = z.object(page).strict();

export const newAccountBody = z.object({ name: z.string() }).strict();

export const accountReply = z.object({ id: z.number().int(), name: z.string(), createdAt: instant, role: z.enum(roles) }).strict();

export const accountListReply = z.object({
  items: z.array(accountReply), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
}).strict();
