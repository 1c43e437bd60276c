import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src-main/platform/random';

describe('SeededRandom', () => {
  it('gives the same values for the same seed and different ones for another seed', () => {
    const a = SeededRandom.fromSeed(7);
    const b = SeededRandom.fromSeed(7);
    const c = SeededRandom.fromSeed(8);
    const take = (r: SeededRandom) => [r.hex(32), r.digits(10), r.int(1, 6), r.uint32()];
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
  });

  it('resumes exactly where a saved state left off', () => {
    const a = SeededRandom.fromSeed(123);
    a.hex(64);
    const resumed = SeededRandom.fromState(a.state());
    expect(resumed.hex(32)).toBe(a.hex(32));
  });

  it('forks an independent stream without moving the parent', () => {
    const a = SeededRandom.fromSeed(5);
    const twin = SeededRandom.fromSeed(5);
    const fork = a.fork();
    expect(a.hex(16)).toBe(twin.hex(16));
    expect(fork.hex(16)).not.toBe(SeededRandom.fromSeed(5).hex(16));
  });

  it('keeps int within bounds and hex/digits to their alphabet and length', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.nat(70), (seed, min, span, len) => {
        const r = SeededRandom.fromSeed(seed);
        const v = r.int(min, min + span);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(min + span);
        expect(r.hex(len)).toMatch(new RegExp(`^[0-9a-f]{${len}}$`));
        expect(r.digits(len)).toMatch(new RegExp(`^[0-9]{${len}}$`));
        const f = r.float();
        expect(f >= 0 && f < 1).toBe(true);
      }),
    );
  });

  it('refuses bad seeds and ranges', () => {
    expect(() => SeededRandom.fromSeed(1.5)).toThrow(RangeError);
    expect(() => SeededRandom.fromSeed(1).int(3, 2)).toThrow(RangeError);
    expect(() => SeededRandom.fromSeed(1).pick([])).toThrow(RangeError);
  });
});
