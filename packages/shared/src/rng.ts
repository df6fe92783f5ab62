// The one seeded generator of the platform (mulberry32): the same seed gives the same sequence
// on every machine. Used inside isolates too (network splits, schedules, Math.random, the
// parallel mode's input), so it depends on nothing. Import it as "@autograder/shared/rng".

// Captured at load: inside an isolate the student could replace the global Math later.
const imul = Math.imul;

/** Returns a function giving the next unsigned 32-bit number of the sequence of `seed`. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A 32-bit number as a float in [0, 1). */
export const toUnit = (u32: number): number => u32 / 4294967296;
