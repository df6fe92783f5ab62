// Mistake: sorts the array in place, then returns a copy of it instead of the array itself.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const greater = compare ? (a: T, b: T): boolean => compare(a, b) > 0 : (a: T, b: T): boolean => a > b;
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let j = i - 1;
    while (j >= 0 && greater(arr[j] as T, current)) {
      arr[j + 1] = arr[j] as T;
      j--;
    }
    arr[j + 1] = current;
  }
  return arr.slice();
}
