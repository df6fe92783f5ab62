// Forbidden: uses the built-in (stable) sort through a stored reference.
const builtin = Array.prototype.sort;
export function insertionSort<T>(arr: T[], compare?: (a: T, b: T) => number): T[] {
  const order = compare ?? ((a: T, b: T): number => (a > b ? 1 : a < b ? -1 : 0));
  return Reflect.apply(builtin, arr, [order]) as T[];
}
