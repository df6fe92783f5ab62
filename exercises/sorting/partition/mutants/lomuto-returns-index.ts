// Mistake: Lomuto's scheme with the final swap, but returns `index` instead of `index - 1`
// (off by one): the returned position is just right of the pivot.
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  let index = low + 1;
  for (let i = low + 1; i <= high; i++) {
    if ((arr[i] as number) < pivot) {
      const tmp = arr[i] as number;
      arr[i] = arr[index] as number;
      arr[index] = tmp;
      index++;
    }
  }
  arr[low] = arr[index - 1] as number;
  arr[index - 1] = pivot;
  return index;
}
