/**
 * Sorts `arr` in place, stably, and returns the same array. Without `compare`, the elements
 * are numbers sorted in ascending numeric order. See README.md.
 */
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  // TODO: for i = 1 .. n-1, shift the greater elements of arr[0..i-1] right and insert arr[i].
  void compare;
  return arr;
}
