/**
 * Returns a new array with the numbers of `arr` in ascending order; `arr` is not changed.
 * Stable, at most n * ceil(log2 n) comparisons. See README.md.
 */
export function mergeSort(arr: number[]): number[] {
  // TODO: split in two halves, sort each, merge them (take from the left half on ties).
  return arr.slice();
}
