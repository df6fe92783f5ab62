import { MathImul } from "@autograder/shared/primordials";
import { mulberry32, toUnit } from "@autograder/shared/rng";

/** Deterministic 32-bit PRNG (mulberry32): same seed, same sequence on every machine. */
export class Rng {
  /** Next unsigned 32-bit integer. */
  readonly nextU32: () => number;

  constructor(seed: number) {
    this.nextU32 = mulberry32(seed);
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return this.nextU32() % n;
  }

  /** Float in [0, 1). */
  float(): number {
    return toUnit(this.nextU32());
  }
}

/** Mixes two integers into one 32-bit seed (used to derive per-schedule seeds). */
export function mixSeed(a: number, b: number): number {
  let h = (MathImul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = MathImul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = MathImul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
