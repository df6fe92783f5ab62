// Mistake: the outer loop stops one position too early (i < n - 2), so the last two
// elements are never put in order.
export function selectionSort(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 2; i++) {
    let minIndex = i;
    for (let j = i + 1; j < arr.length; j++) {
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
