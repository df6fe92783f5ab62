// Mistake: the default order compares the elements as strings, like Array.prototype.sort's
// default does, so 10 comes before 9 and -1 after -20.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const cmp = compare ?? ((a: T, b: T): number => {
    const x = `${a as unknown as number}`;
    const y = `${b as unknown as number}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(arr[j] as T, current) > 0) {
      arr[j + 1] = arr[j] as T;
      j--;
    }
    arr[j + 1] = current;
  }
  return arr;
}
