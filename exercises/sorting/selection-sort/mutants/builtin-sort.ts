// Forbidden: reaches Array.prototype.sort indirectly (no "sort(" in the source text).
const method = ["so", "rt"].join("") as "sort";
export function selectionSort(arr: number[]): number[] {
  const fn = Reflect.get(Object.getPrototypeOf(arr), method) as (this: number[], c: (a: number, b: number) => number) => number[];
  return fn.call(arr, (a, b) => a - b);
}
