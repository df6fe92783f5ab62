const BLOCK = 1024;

/**
 * Thread `index` of `k`: sum your part of `data` and add it to `result[0]` with Atomics.add,
 * once per block of at most BLOCK elements. See the statement for the exact split.
 */
export function sumPart(data: Int32Array, result: Int32Array, index: number, k: number): void {
  const n = data.length;
  // TODO: compute your range [start, end), sum it block by block, and add each block's sum
  // to result[0] with Atomics.add.
}
