const BLOCK = 1024;

/** Mutant: each block is summed in place into its first value of data (writes to the shared input). */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  const start = Math.floor((index * n) / k);
  const end = Math.floor(((index + 1) * n) / k);
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    for (let i = from + 1; i < to; i++) data[from] += data[i]!;
    Atomics.add(result, 0, data[from]!); // one indivisible read-add-write: no other thread's add is lost
  }
}
