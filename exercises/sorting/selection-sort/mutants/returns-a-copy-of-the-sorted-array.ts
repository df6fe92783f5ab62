// Mistake: sorts the array in place, then returns a copy of it instead of the array itself.
export function selectionSort(arr: number[]): number[] {
  for (let i = 0; i < arr.length - 1; i++) {
    let m = i;
    for (let j = i + 1; j < arr.length; j++) if ((arr[j] as number) < (arr[m] as number)) m = j;
    if (m !== i) [arr[i], arr[m]] = [arr[m] as number, arr[i] as number];
  }
  return [...arr];
}
