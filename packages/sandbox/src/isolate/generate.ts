// The parallel mode's input: `length` Int32 values in 0..max made from a seed (mulberry32). The
// host writes them into the shared buffer; the judge makes the same values for its expected
// answer. Nothing of it ever reaches the student except the values themselves.
const imul = Math.imul;
const floor = Math.floor;

/** Fills `target` with values in 0..max, the same for the same seed on every machine. */
export function fillInts(target: Int32Array, seed: number, max: number): Int32Array {
  let a = seed >>> 0;
  const range = max + 1;
  for (let i = 0; i < target.length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    target[i] = floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * range);
  }
  return target;
}

/** `length` values in 0..max from `seed`, as the host generates them for `student.parallel`. */
export function generateInts(length: number, seed: number, max: number): Int32Array {
  return fillInts(new Int32Array(length), seed, max);
}
