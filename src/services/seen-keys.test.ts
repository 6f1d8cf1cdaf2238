import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeenKeys } from './seen-keys.js';

describe('SeenKeys', () => {
  it('says every key may exist when the table had rows before the import', () => {
    expect(new SeenKeys(false).mightExist('112-1\tSKU\tLPN')).toBe(true);
  });

  it('never misses a key this import wrote into a table that started empty', () => {
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 200 }), (keys) => {
      const seen = new SeenKeys(true);
      keys.forEach((k) => seen.remember(k));
      expect(keys.every((k) => seen.mightExist(k))).toBe(true);
    }));
  });

  it('rules out almost every key it has not seen', () => {
    const seen = new SeenKeys(true);
    for (let i = 0; i < 100_000; i++) seen.remember(`112-${i}\tSKU-1\tLPN${i}`);
    let falseAlarms = 0;
    for (let i = 100_000; i < 200_000; i++) if (seen.mightExist(`112-${i}\tSKU-1\tLPN${i}`)) falseAlarms++;
    expect(falseAlarms).toBeLessThan(100);
  });
});
