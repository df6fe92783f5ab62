// Mistake (for "build no other array"): sorts a copy, then writes it back into the argument.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const greater = compare ? (a: T, b: T): boolean => compare(a, b) > 0 : (a: T, b: T): boolean => a > b;
  const copy: T[] = [];
  for (const x of arr) copy.push(x);
  for (let i = 1; i < copy.length; i++) {
    const current = copy[i] as T;
    let j = i - 1;
    while (j >= 0 && greater(copy[j] as T, current)) {
      copy[j + 1] = copy[j] as T;
      j--;
    }
    copy[j + 1] = current;
  }
  for (let i = 0; i < arr.length; i++) arr[i] = copy[i] as T;
  return arr;
}
