/**
 * Returns a new array with the numbers of `arr` in ascending order; `arr` is not changed.
 * Stable (ties are taken from the left half), at most n * ceil(log2 n) comparisons.
 */
export function mergeSort(arr: number[]): number[] {
  const a = arr.slice();
  if (a.length > 1) sortRange(a, new Array<number>(a.length), 0, a.length);
  return a;
}

/** Sorts a[lo..hi) using buf[lo..hi) as scratch space. */
function sortRange(a: number[], buf: number[], lo: number, hi: number): void {
  if (hi - lo < 2) return;
  const mid = (lo + hi) >>> 1;
  sortRange(a, buf, lo, mid);
  sortRange(a, buf, mid, hi);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    // Take from the right only when strictly smaller: equal elements keep their order.
    if ((a[j] as number) < (a[i] as number)) buf[k++] = a[j++] as number;
    else buf[k++] = a[i++] as number;
  }
  while (i < mid) buf[k++] = a[i++] as number;
  while (j < hi) buf[k++] = a[j++] as number;
  for (k = lo; k < hi; k++) a[k] = buf[k] as number;
}
