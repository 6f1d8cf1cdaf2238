import type { MeResponse } from './api/session.js';

// Which roles may do what, for hiding what a user cannot do. The server checks every request
// (src/domain/access/permissions.ts, docs/security.md#roles-and-permissions); this copy only decides
// what to show, so a role missing here hides a page, it never opens one.

export type Role = MeResponse['user']['roles'][string];

/** The `import` permission: report files imported, the demo loaded. */
const importRoles: readonly Role[] = ['owner', 'manager'];
/** The `work_cases` permission: outcomes recorded, claims found and filed. */
const workCasesRoles: readonly Role[] = ['owner', 'manager', 'agent'];
/** The `refund` permission: a refund recorded as issued (an inspector cannot refund). */
const refundRoles: readonly Role[] = ['owner', 'manager', 'agent'];

/** The `receive` permission: receipts, inspections, evidence and dispositions in the warehouse. */
const receiveRoles: readonly Role[] = ['owner', 'manager', 'inspector'];
/** The `configure` permission: the policy, fee tables and message templates changed. */
const configureRoles: readonly Role[] = ['owner', 'manager'];
/** The `manage_users` permission: users, their roles and other users' API tokens. */
const manageUsersRoles: readonly Role[] = ['owner'];

/** The user's role in a seller account, if any. */
export function roleIn(user: MeResponse['user'], accountId: number): Role | undefined {
  return user.roles[String(accountId)];
}

export function canImport(role: Role | undefined): boolean {
  return role !== undefined && importRoles.includes(role);
}

export function canWorkCases(role: Role | undefined): boolean {
  return role !== undefined && workCasesRoles.includes(role);
}

export function canRefund(role: Role | undefined): boolean {
  return role !== undefined && refundRoles.includes(role);
}

export function canReceive(role: Role | undefined): boolean {
  return role !== undefined && receiveRoles.includes(role);
}

export function canConfigure(role: Role | undefined): boolean {
  return role !== undefined && configureRoles.includes(role);
}

export function canManageUsers(role: Role | undefined): boolean {
  return role !== undefined && manageUsersRoles.includes(role);
}
