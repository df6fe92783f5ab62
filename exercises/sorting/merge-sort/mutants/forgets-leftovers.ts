// Mistake: the merge stops when one half runs out and forgets to append the rest of the
// other half, so elements are lost.
function merge(left: number[], right: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if ((right[j] as number) < (left[i] as number)) out.push(right[j++] as number);
    else out.push(left[i++] as number);
  }
  while (i < left.length) out.push(left[i++] as number);
  return out;
}

export function mergeSort(arr: number[]): number[] {
  if (arr.length <= 1) return arr.slice();
  const mid = Math.floor(arr.length / 2);
  return merge(mergeSort(arr.slice(0, mid)), mergeSort(arr.slice(mid)));
}
