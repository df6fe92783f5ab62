// Mistake: shifts while the prefix element is >= current, so equal elements jump over each
// other (unstable), and equal neighbours cost extra comparisons.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const cmp = compare ?? ((a: T, b: T): number => (a >= b ? 1 : -1));
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(arr[j] as T, current) >= 0) {
      arr[j + 1] = arr[j] as T;
      j--;
    }
    arr[j + 1] = current;
  }
  return arr;
}
