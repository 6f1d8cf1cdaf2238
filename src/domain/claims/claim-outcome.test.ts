import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import { claimStatusAfter } from './claim-outcome.js';

describe('claimStatusAfter', () => {
  it.each([
    ['open', { kind: 'filed' }, { status: 'filed', recoveredMinor: null }],
    ['filed', { kind: 'won', amountMinor: 2000 }, { status: 'won', recoveredMinor: 2000 }],
    ['filed', { kind: 'won', amountMinor: 1500 }, { status: 'partly_won', recoveredMinor: 1500 }],
    ['open', { kind: 'won', amountMinor: 2500 }, { status: 'won', recoveredMinor: 2500 }],
    ['filed', { kind: 'won', amountMinor: 0 }, { status: 'lost', recoveredMinor: 0 }],
    ['filed', { kind: 'lost' }, { status: 'lost', recoveredMinor: 0 }],
  ] as const)('%s + %j → %j', (current, action, after) => {
    expect(claimStatusAfter(current, action, 2000)).toEqual(after);
  });

  it.each([
    ['filed', { kind: 'filed' }], ['expired', { kind: 'filed' }], ['won', { kind: 'lost' }], ['expired', { kind: 'won', amountMinor: 1 }],
  ] as const)('refuses %s + %j', (current, action) => {
    const error = errorOf(() => claimStatusAfter(current, action, 2000));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(new RegExp(`The claim is ${current}`));
  });

  it('refuses a negative amount', () => {
    expect(errorOf(() => claimStatusAfter('filed', { kind: 'won', amountMinor: -1 }, 2000)).code).toBe('invalid_input');
  });
});
