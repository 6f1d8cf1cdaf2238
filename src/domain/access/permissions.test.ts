import { describe, expect, it } from 'vitest';
import { can, covers, parseRole, permissions, permissionsOf, roles } from './permissions.js';

describe('the permission matrix', () => {
  it('lets everyone read, an inspector receive but never refund, and a viewer change nothing', () => {
    for (const role of roles) expect(can(role, 'read')).toBe(true);
    expect(can('inspector', 'receive')).toBe(true);
    expect(can('inspector', 'refund')).toBe(false);
    expect(permissionsOf('viewer')).toEqual(['read']);
    expect(can('agent', 'refund')).toBe(true);
    expect(can('agent', 'import')).toBe(false);
  });

  it('keeps users and roles to the owner, and gives the owner everything', () => {
    expect(roles.filter((r) => can(r, 'manage_users'))).toEqual(['owner']);
    expect(permissionsOf('owner')).toEqual(permissions);
  });

  it('orders roles by what they cover: a token or a grant never exceeds its giver', () => {
    expect(roles.every((r) => covers('owner', r) && covers(r, 'viewer') && covers(r, r))).toBe(true);
    expect(covers('manager', 'owner')).toBe(false);
    expect(covers('agent', 'inspector')).toBe(false);
    expect(covers('inspector', 'agent')).toBe(false);
  });

  it('reads a role in any case and refuses one it does not know', () => {
    expect(parseRole(' Inspector ')).toBe('inspector');
    expect(() => parseRole('admin')).toThrow(/owner, manager, agent, inspector, viewer, not "admin"/);
  });
});
