import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { policyText, problemsOf, problemWhere, readPolicyText } from './policy-text.js';

describe('the policy as the editor holds it', () => {
  it('writes the document as indented JSON and reads it back', () => {
    const text = policyText({ saveOfferLadderBps: [1000, 1500] });
    expect(text).toBe('{\n  "saveOfferLadderBps": [\n    1000,\n    1500\n  ]\n}\n');
    expect(readPolicyText(text)).toEqual({ ok: true, document: { saveOfferLadderBps: [1000, 1500] } });
  });

  it('says when the text is not JSON, without sending it', () => {
    const read = readPolicyText('{ "saveOfferLadderBps": [1000, }');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).not.toBe('');
  });

  it('lists the errors of a refused apply with their paths, and nothing for other failures', () => {
    const refused = new ApiError(400, 'invalid_input', 'The policy is invalid.', { errors: [{ path: 'saveOfferLadderBps[2]', message: 'must be at most 10000' }, { bad: 1 }] });
    expect(problemsOf(refused)).toEqual([{ path: 'saveOfferLadderBps[2]', message: 'must be at most 10000' }]);
    expect(problemsOf(new ApiError(409, 'conflict', 'changed'))).toBeNull();
    expect(problemsOf(new ApiError(400, 'invalid_input', 'no list'))).toBeNull();
    expect(problemsOf(new Error('x'))).toBeNull();
  });

  it('names the whole document when a problem has no path', () => {
    expect(problemWhere({ path: '', message: 'm' }, '(policy)')).toBe('(policy)');
    expect(problemWhere({ path: 'labelPaidBy.buyer', message: 'm' }, '(policy)')).toBe('labelPaidBy.buyer');
  });
});
