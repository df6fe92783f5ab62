// Mistake: forgets to put the saved pivot back into the last hole, so one value is
// duplicated and the pivot is lost.
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  while (low < high) {
    while (low < high && (arr[high] as number) >= pivot) high--;
    arr[low] = arr[high] as number;
    while (low < high && (arr[low] as number) < pivot) low++;
    arr[high] = arr[low] as number;
  }
  return low;
}
