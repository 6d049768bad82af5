/**
 * A small seeded pseudo-random source, so a portal is a pure function of
 * its seed. Never use Math.random in the generator.
 */

/** Draws values from one seeded stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** A shuffled copy of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

const GOLDEN_GAMMA = 0x9e3779b9;

/**
 * Creates a stream from `seed` (any finite number; the integer part is
 * used). A Weyl sequence mixed by a 32-bit avalanche step: fast, and
 * plenty for test data.
 */
export function createRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;

  const next = (): number => {
    state = (state + GOLDEN_GAMMA) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    mixed ^= mixed >>> 16;
    return (mixed >>> 0) / 2 ** 32;
  };
  const int = (min: number, max: number): number =>
    min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs a non-empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number],
          copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
  };
}
