// The parallel mode's input: `length` Int32 values in 0..max made from a seed (mulberry32). The
// host writes them into the shared buffer; the judge makes the same values for its expected
// answer. Nothing of it ever reaches the student except the values themselves.
import { mulberry32, toUnit } from "@autograder/shared/rng";

const floor = Math.floor;

/** Fills `target` with values in 0..max, the same for the same seed on every machine. */
export function fillInts(target: Int32Array, seed: number, max: number): Int32Array {
  const next = mulberry32(seed);
  const range = max + 1;
  for (let i = 0; i < target.length; i++) target[i] = floor(toUnit(next()) * range);
  return target;
}

/** `length` values in 0..max from `seed`, as the host generates them for `student.parallel`. */
export function generateInts(length: number, seed: number, max: number): Int32Array {
  return fillInts(new Int32Array(length), seed, max);
}
