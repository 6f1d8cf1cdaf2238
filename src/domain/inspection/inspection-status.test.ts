import { describe, expect, it } from 'vitest';
import { statusAfterInspection } from './inspection-status.js';

describe('statusAfterInspection', () => {
  it.each([
    ['MFN', 'received', 'inspected'], ['MFN', 'refunded', 'refunded'], ['MFN', 'inspected', 'inspected'], ['FBA', 'fba_refunded', 'fba_refunded'],
  ] as const)('%s case %s → %s', (channel, status, after) => {
    expect(statusAfterInspection(channel, status)).toBe(after);
  });
});
