import { DomainError } from '../errors.js';

// Who may do what in a seller account (issue 7; the matrix is written out in docs/security.md and the
// HTTP layer checks it on every route). A user holds one role per seller account; an API token acts
// with a role no higher than its user's.

export const roles = ['owner', 'manager', 'agent', 'inspector', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Cases, their timelines, recommendations, messages, deadlines, claims, analytics, policy: everything a screen shows. */
  'read',
  /** Outcomes, message drafts and notes on cases; claims filed and resolved. */
  'work_cases',
  /** Refunds recorded (partial refunds, restocking fees) and the adjustment feed exported. */
  'refund',
  /** Receipts, inspections, evidence and dispositions in the warehouse. */
  'receive',
  /** Report files imported. */
  'import',
  /** The returns policy, fee tables and message templates changed. */
  'configure',
  /** Users and their roles; other users' API tokens. */
  'manage_users',
  /** The audit log read and verified. */
  'audit',
] as const;
export type Permission = (typeof permissions)[number];

/** The permission matrix: each role's permissions. An inspector cannot refund; a viewer changes nothing. */
const matrix: Readonly<Record<Role, readonly Permission[]>> = {
  owner: permissions,
  manager: ['read', 'work_cases', 'refund', 'receive', 'import', 'configure', 'audit'],
  agent: ['read', 'work_cases', 'refund'],
  inspector: ['read', 'receive'],
  viewer: ['read'],
};

export function can(role: Role, permission: Permission): boolean {
  return matrix[role].includes(permission);
}

/** The permissions of a role, in the order of `permissions`. */
export function permissionsOf(role: Role): readonly Permission[] {
  return permissions.filter((p) => can(role, p));
}

/** Whether `role` has every permission `other` has: what a token may be given, or a manager may grant. */
export function covers(role: Role, other: Role): boolean {
  return permissionsOf(other).every((p) => can(role, p));
}

export function parseRole(text: string): Role {
  const role = roles.find((r) => r === text.trim().toLowerCase());
  if (!role) throw new DomainError('invalid_input', `A role is one of ${roles.join(', ')}, not "${text}".`, { role: text });
  return role;
}
