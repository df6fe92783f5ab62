// Mistake: the functional quicksort (filter into new arrays and concatenate). It returns a
// sorted copy; the caller's array is not sorted in place.
function sorted(items: number[]): number[] {
  if (items.length < 2) return items;
  const pivot = items[Math.floor(Math.random() * items.length)] as number;
  const less: number[] = [];
  const equal: number[] = [];
  const greater: number[] = [];
  for (const v of items) (v < pivot ? less : v > pivot ? greater : equal).push(v);
  return [...sorted(less), ...equal, ...sorted(greater)];
}

export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  return [...arr.slice(0, left), ...sorted(arr.slice(left, right + 1)), ...arr.slice(right + 1)];
}
