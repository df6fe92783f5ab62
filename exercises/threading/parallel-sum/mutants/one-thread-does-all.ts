const BLOCK = 1024;

/** Mutant: thread 0 sums the whole array and the other threads do nothing (right total, no parallelism). */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  if (index !== 0) return;
  const start = 0;
  const end = n;
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.add(result, 0, sum); // one indivisible read-add-write: no other thread's add is lost
  }
}
