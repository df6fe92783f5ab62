// Mistake: swaps every time a smaller element is found (an "exchange sort").
// The output is sorted, but it does O(n^2) swaps instead of at most n-1.
export function selectionSort(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    for (let j = i + 1; j < arr.length; j++) {
      if ((arr[j] as number) < (arr[i] as number)) {
        const tmp = arr[i] as number;
        arr[i] = arr[j] as number;
        arr[j] = tmp;
      }
    }
  }
  return arr;
}
