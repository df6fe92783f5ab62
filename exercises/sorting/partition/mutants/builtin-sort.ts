// Forbidden: sorts the range with the built-in sort of a typed array, which satisfies every
// postcondition but is not a partition.
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  const range = Float64Array.from(arr.slice(low, high + 1));
  range.sort();
  let p = low;
  for (let i = 0; i < range.length; i++) {
    arr[low + i] = range[i] as number;
    if ((range[i] as number) < pivot) p++;
  }
  return p;
}
