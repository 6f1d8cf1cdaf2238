import { describe, expect, it } from 'vitest';
import { tokenRolesFor } from './roles.js';

describe('the roles a token may have', () => {
  it('are the roles the user\'s role covers, never more', () => {
    expect(tokenRolesFor('owner')).toEqual(['owner', 'manager', 'agent', 'inspector', 'viewer']);
    expect(tokenRolesFor('manager')).not.toContain('owner');
    expect(tokenRolesFor('inspector')).toEqual(['inspector', 'viewer']);
    expect(tokenRolesFor('viewer')).toEqual(['viewer']);
    expect(tokenRolesFor(undefined)).toEqual([]);
  });
});
