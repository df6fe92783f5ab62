// Mistake (for this exercise): an insertion sort. It sorts, with no swap at all, but shifts
// elements one place at a time: O(n^2) writes instead of at most 2(n - 1).
export function selectionSort(arr: number[]): number[] {
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as number;
    let j = i - 1;
    while (j >= 0 && (arr[j] as number) > current) {
      arr[j + 1] = arr[j] as number;
      j--;
    }
    arr[j + 1] = current;
  }
  return arr;
}
