const BLOCK = 1024;

/** Mutant: an atomic load and an atomic store are still two steps (a lost update between them). */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  const start = Math.floor((index * n) / k);
  const end = Math.floor(((index + 1) * n) / k);
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.store(result, 0, Atomics.load(result, 0) + sum);
  }
}
