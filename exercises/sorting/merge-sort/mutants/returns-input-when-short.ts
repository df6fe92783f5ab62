// Mistake: returns the argument itself when there is nothing to sort, not a new array.
export function mergeSort(arr: number[]): number[] {
  if (arr.length <= 1) return arr;
  const mid = arr.length >>> 1;
  const left = mergeSort(arr.slice(0, mid));
  const right = mergeSort(arr.slice(mid));
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push((right[j] as number) < (left[i] as number) ? (right[j++] as number) : (left[i++] as number));
  while (i < left.length) out.push(left[i++] as number);
  while (j < right.length) out.push(right[j++] as number);
  return out;
}
