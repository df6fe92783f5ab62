// Mistake (for "build no other array"): sorts a copy, then writes it back into the argument.
export function selectionSort(arr: number[]): number[] {
  const copy = arr.map((x) => x);
  for (let i = 0; i < copy.length - 1; i++) {
    let m = i;
    for (let j = i + 1; j < copy.length; j++) if ((copy[j] as number) < (copy[m] as number)) m = j;
    const t = copy[i] as number;
    copy[i] = copy[m] as number;
    copy[m] = t;
  }
  for (let i = 0; i < arr.length; i++) if (arr[i] !== copy[i]) arr[i] = copy[i] as number;
  return arr;
}
