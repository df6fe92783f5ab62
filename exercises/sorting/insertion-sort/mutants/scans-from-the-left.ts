// Mistake: finds the insertion point by scanning the sorted prefix from the left, so an
// already sorted input costs n(n-1)/2 comparisons instead of n-1.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const greater = compare ? (a: T, b: T): boolean => compare(a, b) > 0 : (a: T, b: T): boolean => a > b;
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let pos = 0;
    while (pos < i && !greater(arr[pos] as T, current)) pos++;
    for (let k = i; k > pos; k--) arr[k] = arr[k - 1] as T;
    arr[pos] = current;
  }
  return arr;
}
