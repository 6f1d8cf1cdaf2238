import type { MeResponse } from './api/session.js';

// Which roles may do what, for hiding what a user cannot do. The server checks every request
// (src/domain/access/permissions.ts, docs/security.md#roles-and-permissions); this copy only decides
// what to show, so a role missing here hides a page, it never opens one.

export type Role = MeResponse['user']['roles'][string];

/** The `import` permission: report files imported, the demo loaded. */
const importRoles: readonly Role[] = ['owner', 'manager'];

/** The user's role in a seller account, if any. */
export function roleIn(user: MeResponse['user'], accountId: number): Role | undefined {
  return user.roles[String(accountId)];
}

export function canImport(role: Role | undefined): boolean {
  return role !== undefined && importRoles.includes(role);
}
