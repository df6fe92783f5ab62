// Mistake: the inner loop stops one element early, so the last element is never a candidate.
export function selectionSort(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    let minIndex = i;
    for (let j = i + 1; j < arr.length - 1; j++) {
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
