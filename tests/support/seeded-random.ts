/**
 * mulberry32, a small seeded generator of numbers in [0, 1): the same seed gives the same sequence, so a benchmark
 * builds the same data, a fuzz or fault run can be repeated with its seed, and a test's random input is fixed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
