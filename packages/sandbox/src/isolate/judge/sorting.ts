// Helpers the sorting exercises' tests share: the order a sort must produce, and inputs that are
// the same on every run and machine (so a hidden test's input never changes between gradings).

/** A sorted copy of `arr`, ascending. */
export function ascending(arr: readonly number[]): number[] {
  return [...arr].sort((a, b) => a - b);
}

/** `n` integers in [min, max], from `seed` (a small xorshift-multiply generator). */
export function seededInts(n: number, seed: number, min = -1_000_000, max = 1_000_000): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out.push(min + (s % (max - min + 1)));
  }
  return out;
}
