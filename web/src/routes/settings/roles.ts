import type { Role } from '../../permissions.js';
import { everyOf } from '../../every-of.js';

/** Every role, most powerful first (docs/security.md#roles-and-permissions). */
export const allRoles = everyOf<Role>()(['owner', 'manager', 'agent', 'inspector', 'viewer']);

// Which roles each role covers (has every permission of): a token is made with one of these. Roles
// are not a ladder: an inspector's token cannot be an agent's (src/domain/access/permissions.ts `covers`).
const covered: Readonly<Record<Role, readonly Role[]>> = {
  owner: allRoles,
  manager: ['manager', 'agent', 'inspector', 'viewer'],
  agent: ['agent', 'viewer'],
  inspector: ['inspector', 'viewer'],
  viewer: ['viewer'],
};

/** The roles a token of a user with `role` may have: none without a role. */
export function tokenRolesFor(role: Role | undefined): readonly Role[] {
  return role === undefined ? [] : covered[role];
}
