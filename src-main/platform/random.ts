import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const HEX = '0123456789abcdef';

/**
 * Seeded pseudo-random numbers for simulations (xoroshiro128+ from pure-rand): the same seed and the
 * same calls give the same values, so a simulated run can be replayed. Never use it for secrets
 * (API keys, passwords): those come from node:crypto.
 */
export class SeededRandom {
  private constructor(private readonly gen: JumpableRandomGenerator) {}

  static fromSeed(seed: number): SeededRandom {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`Seme non intero: ${seed}`);
    return new SeededRandom(xoroshiro128plus(seed));
  }

  /** Resumes a sequence saved with `state()` (e.g. after a restart, so values are never repeated). */
  static fromState(state: readonly number[]): SeededRandom {
    return new SeededRandom(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.gen.getState()];
  }

  /** An independent stream far ahead in the sequence; this one is left where it was. */
  fork(): SeededRandom {
    const copy = this.gen.clone();
    copy.jump();
    return new SeededRandom(copy);
  }

  uint32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`Intervallo non valido: ${min}..${max}`);
    }
    return uniformInt(this.gen, min, max);
  }

  /** Uniform in [0, 1), 32 bits of resolution (enough for probabilities and jitter). */
  float(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  chance(probability: number): boolean {
    return probability > 0 && this.float() < probability;
  }

  /** Lower-case hex string of `length` characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      // 8 hex digits per 32-bit draw keeps this cheap for 32-character tokens
      let word = this.uint32();
      for (let i = 0; i < 8 && out.length < length; i++) {
        out += HEX.charAt(word & 0xf);
        word >>>= 4;
      }
    }
    return out;
  }

  /** Decimal digits, each uniform (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(uniformInt(this.gen, 0, 9));
    return out;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Nessun elemento da scegliere.');
    return items[this.int(0, items.length - 1)] as T;
  }
}
