// Forbidden: copies the range into a typed array and uses its built-in sort.
export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  if (left >= right) return arr;
  const part = new Float64Array(right - left + 1);
  for (let i = left; i <= right; i++) part[i - left] = arr[i] as number;
  part.sort();
  for (let i = left; i <= right; i++) arr[i] = part[i - left] as number;
  return arr;
}
