// Forbidden: the built-in toSorted, reached through a computed name.
export function mergeSort(arr: number[]): number[] {
  const name = "to" + "Sorted";
  const method = (arr as unknown as Record<string, (c: (a: number, b: number) => number) => number[]>)[name];
  return (method as (this: number[], c: (a: number, b: number) => number) => number[]).call(arr, (a, b) => a - b);
}
