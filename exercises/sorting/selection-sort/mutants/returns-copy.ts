// Mistake: sorts a copy and returns it; the caller's array is left unsorted.
export function selectionSort(input: number[]): number[] {
  const arr = [...input];
  for (let i = 0; i < arr.length - 1; i++) {
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
