import type { Role } from '../../permissions.js';

// What a role may change on a case, to hide what it cannot do; the server checks every request
// (src/domain/access/permissions.ts: an inspector cannot refund; a viewer changes nothing).

const workCasesRoles: readonly Role[] = ['owner', 'manager', 'agent'];
const refundRoles: readonly Role[] = ['owner', 'manager', 'agent'];

/** The `work_cases` permission: outcomes recorded. */
export function canWorkCases(role: Role | undefined): boolean {
  return role !== undefined && workCasesRoles.includes(role);
}

/** The `refund` permission: a refund recorded as issued. */
export function canRefund(role: Role | undefined): boolean {
  return role !== undefined && refundRoles.includes(role);
}
