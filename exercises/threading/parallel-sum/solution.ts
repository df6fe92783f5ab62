const BLOCK = 1024;

/** Thread `index` of `k`: adds the sum of its range of `data` to `result[0]`, block by block. */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  const start = Math.floor((index * n) / k);
  const end = Math.floor(((index + 1) * n) / k);
  for (let from = start; from < end; from += BLOCK) {
    const to = Math.min(from + BLOCK, end);
    let sum = 0;
    for (let i = from; i < to; i++) sum += data[i]!;
    Atomics.add(result, 0, sum); // one indivisible read-add-write: no other thread's add is lost
  }
}
