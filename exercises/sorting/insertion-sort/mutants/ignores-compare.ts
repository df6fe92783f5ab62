// Mistake: the compare parameter is accepted but never used; elements are compared with >.
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  void compare;
  for (let i = 1; i < arr.length; i++) {
    const current = arr[i] as T;
    let j = i - 1;
    while (j >= 0 && (arr[j] as T) > current) {
      arr[j + 1] = arr[j] as T;
      j--;
    }
    arr[j + 1] = current;
  }
  return arr;
}
