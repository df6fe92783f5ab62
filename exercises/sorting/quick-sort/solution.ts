/**
 * Sorts arr[left..right] (both included; by default the whole array) in ascending order,
 * in place, and returns arr.
 *
 * Random pivot, three-way partition (less | equal | greater), recursion into the smaller
 * outer part and a loop on the larger one: O(n log n) expected time on every input, O(log n)
 * stack depth, and only indices left..right are touched.
 */
export function quickSort(arr: number[], left: number = 0, right: number = arr.length - 1): number[] {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    const pivot = arr[lo + Math.floor(Math.random() * (hi - lo + 1))] as number;
    let lt = lo;
    let i = lo;
    let gt = hi;
    // arr[lo..lt-1] < pivot, arr[lt..i-1] == pivot, arr[gt+1..hi] > pivot
    while (i <= gt) {
      const v = arr[i] as number;
      if (v < pivot) {
        arr[i] = arr[lt] as number;
        arr[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        arr[i] = arr[gt] as number;
        arr[gt] = v;
        gt--;
      } else {
        i++;
      }
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
