/**
 * Sorts arr[left..right] (both included; by default the whole array) in ascending order,
 * in place, and returns arr. See README.md: it must handle 200,000 elements.
 */
export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  // TODO: choose a pivot, partition arr[left..right] three ways, sort the two outer parts.
  void left;
  void right;
  return arr;
}
