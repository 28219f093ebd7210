/**
 * The seeded random numbers of the mutation tests (tests/xlsx/mutants.slow.test.ts, tests/cli/handFiles.slow.test.ts):
 * a fixed seed gives the same mutants on every machine, without fast-check or a clock.
 */

/** mulberry32: a small seeded PRNG, the same numbers on every machine */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
export const below = (r: Rng, n: number) => Math.floor(r() * n);
export const pick = <T>(r: Rng, items: readonly T[]): T => items[below(r, items.length)];
