import { describe, expect, it } from 'vitest';
import { createRandom, hashString, mulberry32 } from './prng.js';

describe('prng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('gives different sequences for different seeds and fork labels', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
    const random = createRandom(7);
    expect(random.fork('orders').next()).not.toBe(random.fork('returns').next());
    expect(createRandom(7).fork('orders').next()).toBe(createRandom(7).fork('orders').next());
  });

  it('keeps int, pick and weighted draws inside their ranges', () => {
    const random = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      expect(['a', 'b']).toContain(random.pick(['a', 'b']));
      expect(random.weighted({ never: 0, always: 1 })).toBe('always');
    }
  });

  it('draws Poisson counts around their mean', () => {
    const random = createRandom(11);
    const draws = Array.from({ length: 5000 }, () => random.poisson(6));
    const mean = draws.reduce((sum, n) => sum + n, 0) / draws.length;
    expect(mean).toBeGreaterThan(5.7);
    expect(mean).toBeLessThan(6.3);
  });

  it('hashes strings stably', () => {
    expect(hashString('KT-BOTTLE-750')).toBe(hashString('KT-BOTTLE-750'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
