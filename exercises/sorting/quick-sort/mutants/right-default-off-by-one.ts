// Mistake: `right` defaults to arr.length instead of arr.length - 1, so the sort reads and
// writes one position past the end of the array.
export function quickSort(arr: number[], left: number = 0, right: number = arr.length): number[] {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    const pivot = arr[lo + Math.floor(Math.random() * (hi - lo + 1))] as number;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = arr[i] as number;
      if (v < pivot) {
        arr[i] = arr[lt] as number;
        arr[lt++] = v;
        i++;
      } else if (v > pivot) {
        arr[i] = arr[gt] as number;
        arr[gt--] = v;
      } else i++;
    }
    if (lt - lo < hi - gt) {
      quickSort(arr, lo, lt - 1);
      lo = gt + 1;
    } else {
      quickSort(arr, gt + 1, hi);
      hi = lt - 1;
    }
  }
  return arr;
}
