/**
 * Sorts `arr` in ascending order, in place, with at most arr.length - 1 swaps,
 * and returns the same array.
 */
export function selectionSort(arr: number[]): number[] {
  const n = arr.length;
  for (let i = 0; i < n - 1; i++) {
    let minIndex = i;
    for (let j = i + 1; j < n; j++) {
      if ((arr[j] as number) < (arr[minIndex] as number)) minIndex = j;
    }
    if (minIndex !== i) {
      const tmp = arr[i] as number;
      arr[i] = arr[minIndex] as number;
      arr[minIndex] = tmp;
    }
  }
  return arr;
}
