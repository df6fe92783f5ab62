// Mistake: merges back into the input array, so the caller's array is changed (it ends up
// sorted) although a new array is returned.
function sortRange(a: number[], lo: number, hi: number): void {
  if (hi - lo < 2) return;
  const mid = (lo + hi) >>> 1;
  sortRange(a, lo, mid);
  sortRange(a, mid, hi);
  const left = a.slice(lo, mid);
  const right = a.slice(mid, hi);
  let i = 0;
  let j = 0;
  let k = lo;
  while (i < left.length && j < right.length) {
    if ((right[j] as number) < (left[i] as number)) a[k++] = right[j++] as number;
    else a[k++] = left[i++] as number;
  }
  while (i < left.length) a[k++] = left[i++] as number;
  while (j < right.length) a[k++] = right[j++] as number;
}

export function mergeSort(arr: number[]): number[] {
  sortRange(arr, 0, arr.length);
  return arr.slice();
}
