// Mistake: compares each candidate with arr[i] instead of the smallest found so far,
// so it picks the LAST element smaller than arr[i], not the minimum.
export function selectionSort(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    let minIndex = i;
    for (let j = i + 1; j < arr.length; j++) {
      if ((arr[j] as number) < (arr[i] as number)) minIndex = j;
    }
    if (minIndex !== i) {
      const tmp = arr[i] as number;
      arr[i] = arr[minIndex] as number;
      arr[minIndex] = tmp;
    }
  }
  return arr;
}
