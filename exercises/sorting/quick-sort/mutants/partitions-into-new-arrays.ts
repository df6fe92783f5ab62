// Mistake (for "do not build new arrays"): partitions into three new arrays and copies them back.
export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  if (left >= right) return arr;
  const pivot = arr[left + Math.floor(Math.random() * (right - left + 1))] as number;
  const less: number[] = [];
  const equal: number[] = [];
  const greater: number[] = [];
  for (let k = left; k <= right; k++) {
    const v = arr[k] as number;
    (v < pivot ? less : v > pivot ? greater : equal).push(v);
  }
  let w = left;
  for (const v of less) arr[w++] = v;
  for (const v of equal) arr[w++] = v;
  for (const v of greater) arr[w++] = v;
  quickSort(arr, left, left + less.length - 1);
  quickSort(arr, right - greater.length + 1, right);
  return arr;
}
