// Mistake: a good quicksort, but the public function ignores left/right and always sorts the
// whole array.
function sortRange(arr: number[], lo: number, hi: number): void {
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
      sortRange(arr, lo, lt - 1);
      lo = gt + 1;
    } else {
      sortRange(arr, gt + 1, hi);
      hi = lt - 1;
    }
  }
}

export function quickSort(arr: number[], left?: number, right?: number): number[] {
  void left;
  void right;
  sortRange(arr, 0, arr.length - 1);
  return arr;
}
