const BLOCK = 1024;

/** Mutant: the range's end is taken as inclusive, so neighbouring threads both count the boundary. */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  const start = Math.floor((index * n) / k);
  const end = Math.min(n, Math.floor(((index + 1) * n) / k) + 1);
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.add(result, 0, sum);
  }
}
