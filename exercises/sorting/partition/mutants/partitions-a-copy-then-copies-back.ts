// Mistake (for "do not build another array"): collects the smaller and the other values in
// new arrays, then writes them back into the range.
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  const less: number[] = [];
  const rest: number[] = [];
  for (let k = low + 1; k <= high; k++) ((arr[k] as number) < pivot ? less : rest).push(arr[k] as number);
  let w = low;
  for (const v of less) arr[w++] = v;
  const p = w;
  arr[w++] = pivot;
  for (const v of rest) arr[w++] = v;
  return p;
}
