import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/domain-errors.js';
import { parseOutcome, requireOutcomeFits, statusAfterOutcome } from './outcomes.js';

describe('parseOutcome', () => {
  it.each([
    [{ outcome: 'offer-accepted', step: '2' }, { kind: 'offer-accepted', step: 1 }],
    [{ outcome: 'OFFER_DECLINED', step: 1 }, { kind: 'offer-declined', step: 0 }],
    [{ outcome: 'graded', grade: 'Like New' }, { kind: 'graded', grade: 'like_new' }],
    [{ outcome: 'graded', grade: 'unsellable', note: '  cracked screen ' }, { kind: 'graded', grade: 'unsellable', note: 'cracked screen' }],
  ])('reads %j', (text, expected) => {
    expect(parseOutcome(text, 3)).toEqual(expected);
  });

  it.each([
    [{ outcome: 'maybe' }, /Unknown outcome "maybe"; use one of offer-accepted, offer-declined, graded/],
    [{ outcome: 'offer-accepted' }, /needs --step between 1 and 3/],
    [{ outcome: 'offer-accepted', step: '4' }, /needs --step between 1 and 3 .* not "4"/],
    [{ outcome: 'offer-declined', step: '1.5' }, /not "1.5"/],
    [{ outcome: 'offer-declined', step: '0' }, /not "0"/],
    [{ outcome: 'graded' }, /needs --grade, one of new, like_new, very_good, good, acceptable, unsellable/],
    [{ outcome: 'graded', grade: 'mint' }, /got "mint"/],
    [{ outcome: 'graded', grade: 'new', step: '1' }, /takes --grade, not --step/],
    [{ outcome: 'offer-accepted', step: '1', grade: 'new' }, /takes --step, not --grade/],
  ])('refuses %j with invalid_input', (text, message) => {
    const error = errorOf(() => parseOutcome(text, 3));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });
});

describe('requireOutcomeFits and statusAfterOutcome', () => {
  it('takes offer answers only on an open seller-fulfilled request', () => {
    expect(() => requireOutcomeFits({ kind: 'offer-declined', step: 0 }, { id: 1, status: 'requested', channel: 'MFN' })).not.toThrow();
    expect(errorOf(() => requireOutcomeFits({ kind: 'offer-accepted', step: 0 }, { id: 1, status: 'authorized', channel: 'MFN' })).code).toBe('conflict');
    expect(errorOf(() => requireOutcomeFits({ kind: 'offer-accepted', step: 0 }, { id: 1, status: 'fba_received', channel: 'FBA' })).code).toBe('conflict');
  });

  it('takes a grade only once the unit came back', () => {
    expect(() => requireOutcomeFits({ kind: 'graded', grade: 'good' }, { id: 2, status: 'received', channel: 'MFN' })).not.toThrow();
    expect(() => requireOutcomeFits({ kind: 'graded', grade: 'good' }, { id: 2, status: 'fba_received', channel: 'FBA' })).not.toThrow();
    const error = errorOf(() => requireOutcomeFits({ kind: 'graded', grade: 'good' }, { id: 2, status: 'requested', channel: 'MFN' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Case 2 is MFN and requested; "graded" needs a returned unit/);
  });

  it('closes the request when the buyer accepts an offer, and moves nothing otherwise', () => {
    expect(statusAfterOutcome({ kind: 'offer-accepted', step: 0 }, 'requested')).toBe('closed');
    expect(statusAfterOutcome({ kind: 'offer-declined', step: 0 }, 'requested')).toBe('requested');
    expect(statusAfterOutcome({ kind: 'graded', grade: 'new' }, 'received')).toBe('received');
  });
});
