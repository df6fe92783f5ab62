// Mistake: the course's quicksort as it is: sub_sort with the first element as the pivot.
// Correct, but sorted or reversed input costs O(n^2) and n levels of recursion.
function subSort(list: number[], low: number, high: number): number {
  const temp = list[low] as number;
  while (low < high) {
    while ((list[high] as number) >= temp && high > low) high--;
    list[low] = list[high] as number;
    while ((list[low] as number) < temp && low < high) low++;
    list[high] = list[low] as number;
  }
  list[low] = temp;
  return low;
}

export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  if (left < right) {
    const key = subSort(arr, left, right);
    quickSort(arr, left, key - 1);
    quickSort(arr, key + 1, right);
  }
  return arr;
}
