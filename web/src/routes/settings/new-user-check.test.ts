import { describe, expect, it } from 'vitest';
import { checkNewUser } from './new-user-check.js';

describe('a new user checked before sending', () => {
  it('accepts a good name and a long password', () => {
    expect(checkNewUser('mei.lin', 'correct horse battery')).toEqual({});
  });

  it('refuses what the server refuses', () => {
    expect(checkNewUser('mei lin', 'correct horse battery')).toEqual({ username: 'usernameShape' });
    expect(checkNewUser('mei', 'short')).toEqual({ password: 'passwordShort' });
    expect(checkNewUser('mei', 'x'.repeat(257))).toEqual({ password: 'passwordLong' });
    expect(checkNewUser('mei.lin.ops', 'Mei.Lin.Ops')).toEqual({ password: 'passwordIsUsername' });
  });
});
