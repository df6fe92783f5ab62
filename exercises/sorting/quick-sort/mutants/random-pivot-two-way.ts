// Mistake: a random pivot, but a two-way (Lomuto) partition: every element equal to the pivot
// goes to the same side, so an array of equal values costs O(n^2) and n levels of recursion.
export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  if (left >= right) return arr;
  const r = left + Math.floor(Math.random() * (right - left + 1));
  let tmp = arr[r] as number;
  arr[r] = arr[right] as number;
  arr[right] = tmp;
  const pivot = arr[right] as number;
  let store = left;
  for (let i = left; i < right; i++) {
    if ((arr[i] as number) <= pivot) {
      tmp = arr[i] as number;
      arr[i] = arr[store] as number;
      arr[store] = tmp;
      store++;
    }
  }
  arr[right] = arr[store] as number;
  arr[store] = pivot;
  quickSort(arr, left, store - 1);
  quickSort(arr, store + 1, right);
  return arr;
}
