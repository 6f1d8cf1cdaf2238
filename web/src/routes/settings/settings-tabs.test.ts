import { describe, expect, it } from 'vitest';
import { tabOfPath, tabPath } from './settings-tabs.js';

describe('the settings tabs', () => {
  it('opens /settings on the policy, which every role may read', () => {
    expect(tabOfPath('/settings')).toBe('policy');
    expect(tabOfPath('/settings/')).toBe('policy');
  });

  it('reads a tab from its address, and nothing from an unknown one', () => {
    expect(tabOfPath('/settings/users')).toBe('users');
    expect(tabOfPath('/settings/tokens/')).toBe('tokens');
    expect(tabOfPath('/settings/nope')).toBeNull();
    expect(tabOfPath('/settings/users/3')).toBeNull();
    expect(tabOfPath(tabPath('accounts'))).toBe('accounts');
    expect(tabOfPath('/settings/amazon')).toBe('amazon');
  });
});
