import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { checkForm, problemOf } from './first-run-errors.js';

describe('the first-run form\'s problems', () => {
  it.each([
    [new ApiError(403, 'forbidden', 'no', { reason: 'setup_code' }), 'wrongCode'],
    [new ApiError(403, 'forbidden', 'no', { reason: 'no_setup_code' }), 'noSetupCode'],
    [new ApiError(429, 'rate_limited', 'slow down'), 'tooManyTries'],
    [new ApiError(409, 'conflict', 'done'), 'alreadySetUp'],
    [new ApiError(400, 'invalid_input', 'short'), 'invalid'],
    [new ApiError(0, 'network', 'down'), 'other'],
    [new Error('boom'), 'other'],
  ])('reads %s as %s', (error, problem) => {
    expect(problemOf(error)).toBe(problem);
  });

  it.each([
    [{ username: 'mei', password: 'mei passphrase 1', confirmation: 'mei passphrase 1' }, {}],
    [{ username: 'm', password: 'mei passphrase 1', confirmation: 'mei passphrase 1' }, { username: 'usernameShape' }],
    [{ username: 'mei lin', password: 'short', confirmation: 'short' }, { username: 'usernameShape', password: 'passwordShort' }],
    [{ username: 'meilin2026', password: 'MEILIN2026', confirmation: 'MEILIN2026' }, { password: 'passwordIsUsername' }],
    [{ username: 'mei', password: 'mei passphrase 1', confirmation: 'mei passphrase 2' }, { confirmation: 'passwordsDiffer' }],
  ])('finds in %j: %j', (form, problems) => {
    expect(checkForm(form)).toEqual(problems);
  });
});
