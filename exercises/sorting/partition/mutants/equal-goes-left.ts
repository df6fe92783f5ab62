// Mistake: the right pointer only skips elements strictly greater than the pivot, so values
// equal to the pivot are moved to its left (the left side must hold only smaller values).
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  while (low < high) {
    while (low < high && (arr[high] as number) > pivot) high--;
    arr[low] = arr[high] as number;
    while (low < high && (arr[low] as number) <= pivot) low++;
    arr[high] = arr[low] as number;
  }
  arr[low] = pivot;
  return low;
}
