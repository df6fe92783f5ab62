import { MathImul, StringPrototypeCharCodeAt } from "@autograder/shared/primordials";
import { mulberry32, toUnit } from "@autograder/shared/rng";

/** Deterministic 32-bit PRNG (mulberry32): same seed, same sequence on every machine. */
export class Rng {
  readonly nextU32: () => number;

  constructor(seed: string | number) {
    this.nextU32 = mulberry32(typeof seed === "number" ? seed : hashSeed(seed));
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return n <= 1 ? 0 : this.nextU32() % n;
  }

  /** Float in [0, 1). */
  float(): number {
    return toUnit(this.nextU32());
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }
}

/** FNV-1a of the seed's text: "42" and 42 give the same generator. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = MathImul(h ^ StringPrototypeCharCodeAt(seed, i), 0x01000193) >>> 0;
  return h >>> 0;
}
