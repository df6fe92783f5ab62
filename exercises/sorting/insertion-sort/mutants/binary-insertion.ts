// Mistake (for this contract): binary search for the insertion point. It is stable and
// sorts correctly, but an already sorted input costs about n log n comparisons, not n-1.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const greater = compare ? (a: T, b: T): boolean => compare(a, b) > 0 : (a: T, b: T): boolean => a > b;
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (greater(arr[mid] as T, current)) hi = mid;
      else lo = mid + 1;
    }
    for (let k = i; k > lo; k--) arr[k] = arr[k - 1] as T;
    arr[lo] = current;
  }
  return arr;
}
