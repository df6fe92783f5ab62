/**
 * Partitions arr[low..high] (inclusive) around the pivot arr[low], in place, and returns the
 * pivot's final index p: arr[low..p-1] < pivot <= arr[p+1..high]. (The course's sub_sort.)
 */
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  while (low < high) {
    while (low < high && (arr[high] as number) >= pivot) high--;
    arr[low] = arr[high] as number;
    while (low < high && (arr[low] as number) < pivot) low++;
    arr[high] = arr[low] as number;
  }
  arr[low] = pivot;
  return low;
}
