// Mistake: starts the right pointer at the end of the whole array instead of at `high`, so it
// reads and moves elements outside the range.
export function partition(arr: number[], low: number, high: number): number {
  void high;
  let right = arr.length - 1;
  const pivot = arr[low] as number;
  while (low < right) {
    while (low < right && (arr[right] as number) >= pivot) right--;
    arr[low] = arr[right] as number;
    while (low < right && (arr[low] as number) < pivot) low++;
    arr[right] = arr[low] as number;
  }
  arr[low] = pivot;
  return low;
}
