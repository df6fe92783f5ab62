// Mistake (as in the course's listing of partition): Lomuto's scheme without the final swap,
// so the returned index does not hold the pivot, which is still at `low`.
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
  return index - 1;
}
