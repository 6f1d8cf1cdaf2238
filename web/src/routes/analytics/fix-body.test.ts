import { describe, expect, it } from 'vitest';
import { blankFix, fixBodyOf } from './fix-body.js';

describe('the fix form\'s body', () => {
  it('trims what was typed and leaves the marketplace out when none is given', () => {
    expect(fixBodyOf({ ...blankFix, sku: ' LAMP-01 ', changedOn: '2026-09-14', what: ' Photos in daylight ', by: 'Mei ' }))
      .toEqual({ sku: 'LAMP-01', changedOn: '2026-09-14', what: 'Photos in daylight', by: 'Mei' });
  });

  it('sends a marketplace code in upper case', () => {
    expect(fixBodyOf({ ...blankFix, marketplace: ' us ' }).marketplace).toBe('US');
  });
});
