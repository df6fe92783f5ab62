/**
 * Sorts `arr` in ascending order, in place, with at most arr.length - 1 swaps,
 * and returns the same array. See README.md.
 */
export function selectionSort(arr: number[]): number[] {
  // TODO: for each position i, find the smallest element of arr[i..] and swap it into place.
  return arr;
}
