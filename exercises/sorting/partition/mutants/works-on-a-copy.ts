// Mistake: builds new arrays for the two sides and computes the right index, but never
// writes them back into `arr`.
export function partition(arr: number[], low: number, high: number): number {
  const pivot = arr[low] as number;
  const less: number[] = [];
  const rest: number[] = [];
  for (let i = low + 1; i <= high; i++) {
    const v = arr[i] as number;
    if (v < pivot) less.push(v);
    else rest.push(v);
  }
  const copy = [...arr.slice(0, low), ...less, pivot, ...rest, ...arr.slice(high + 1)];
  void copy;
  return low + less.length;
}
