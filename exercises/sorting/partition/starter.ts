/**
 * Partitions arr[low..high] (inclusive) around the pivot arr[low], in place, and returns the
 * pivot's final index p: arr[low..p-1] < pivot <= arr[p+1..high]. See README.md.
 */
export function partition(arr: number[], low: number, high: number): number {
  // TODO: keep the pivot aside, move two pointers towards each other, put the pivot back.
  void arr;
  void high;
  return low;
}
