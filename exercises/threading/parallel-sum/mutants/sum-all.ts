const BLOCK = 1024;

/** Mutant: every thread sums the whole array (k times the answer, and no faster). */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(from + BLOCK, n);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.add(result, 0, sum);
  }
}
