/**
 * Seeded pseudo-random numbers for everything that must be reproducible (training, synthetic
 * data, Monte Carlo sensitivity, benchmarks). Never Math.random in those places.
 */
export type Rng = () => number;

/** mulberry32: 32-bit state, fast, good statistical quality for sampling and simulation. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
