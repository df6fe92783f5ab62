import { ascending, seededInts, test, expect, student, property, fail, fc, inspect, type RunResult, type TestContext } from "judge";

const show = (v: unknown): string => inspect(v, { maxItems: 20 });

/** What a call did: the value it returned and the argument after the call. */
const after = (out: RunResult): string => `selectionSort returned ${show(out.value)}; the array passed in is now ${show(out.args[0])}`;

const SORT_IT = "The array you were given must end up in ascending order: sort it in place.";

/** Sorted, in the argument itself, and that argument returned; `notSorted` is the hint for a wrong order. */
function checkInPlace(out: RunResult, expected: readonly number[], t?: TestContext, notSorted = SORT_IT): void {
  if (out.threw) fail(`selectionSort threw ${out.threw.name}: ${out.threw.message}`);
  t?.hint(notSorted);
  expect(out.args[0], `the array passed in, after the call (selectionSort returned ${show(out.value)})`).toEqual(expected);
  t?.hint("Return the array you were given, not a copy of it.");
  if (!out.sameAsArg) fail(`the array passed in is sorted, but the value returned is another array: return the array you were given (${after(out)})`);
}

async function sortsTo(input: number[], t?: TestContext, notSorted = SORT_IT): Promise<void> {
  t?.input(input);
  checkInPlace(await student.run("selectionSort", [input]), ascending(input), t, notSorted);
}

/** Sorts `input` (checked first), then at most n-1 swaps and 2(n-1) writes. */
async function fewSwaps(input: number[], t: TestContext, hint: string): Promise<void> {
  const out = await student.run("selectionSort", [input], { track: true });
  checkInPlace(out, ascending(input), t);
  const n = input.length;
  t.hint(hint);
  if (out.stats!.swaps > Math.max(0, n - 1)) fail(`${out.stats!.swaps} swaps for ${n} elements; at most ${Math.max(0, n - 1)} are allowed`);
  t.hint("Each position of the outer loop costs at most one swap (two writes): do not shift elements, swap arr[i] with the minimum.");
  if (out.stats!.writes > 2 * Math.max(0, n - 1)) fail(`${out.stats!.writes} writes into the array for ${n} elements; at most ${2 * Math.max(0, n - 1)} (one swap per position)`);
}

// ---------------------------------------------------------------- visible

test("sorts a small array", async (t) => {
  await sortsTo([3, 1, 2], t);
}, { weight: 2, requires: ["R1", "R4"] });

test("empty array", async (t) => {
  await sortsTo([], t);
}, { requires: ["R1", "R2"] });

test("one element", async (t) => {
  await sortsTo([42], t);
}, { requires: ["R1", "R2"] });

test("already sorted", async (t) => {
  await sortsTo([1, 2, 3, 4, 5, 6, 7], t);
}, { requires: ["R1"] });

test("reversed", async (t) => {
  await sortsTo([9, 7, 5, 3, 1, 0], t);
}, { requires: ["R1"] });

test("duplicates", async (t) => {
  await sortsTo([2, 3, 2, 1, 3, 1, 2], t);
}, { requires: ["R1"] });

test("negative numbers", async (t) => {
  await sortsTo([0, -5, 3, -1, -5, 12, -100], t);
}, { requires: ["R1"] });

test("the argument itself is sorted and returned", async (t) => {
  await sortsTo([5, 2, 8, 1, 9], t);
}, { requires: ["R2"] });

test("builds no other array", async (t) => {
  const input = seededInts(40, 4, -50, 50);
  t.input(input);
  const out = await student.run("selectionSort", [input]);
  checkInPlace(out, ascending(input), t);
  // A swap written as [a[i], a[m]] = [a[m], a[i]] makes a pair: that is fine.
  if (out.arrays!.largest > 2) fail(`your code made another array (of ${out.arrays!.largest} elements) during the call: swap elements inside the array you were given`);
}, { requires: ["R2"] });

test("at most n-1 swaps on a small array", async (t) => {
  const input = [5, 4, 3, 2, 1, 0];
  t.input(input);
  await fewSwaps(input, t, "Swap once per position of the outer loop, after the inner loop found the minimum.");
}, { weight: 2, requires: ["R3"] });

// ---------------------------------------------------------------- hidden

test("random arrays", async (t) => {
  await property(fc.array(fc.integer(), { maxLength: 60 }), async (arr: number[]) => {
    checkInPlace(await student.run("selectionSort", [arr]), ascending(arr), t, "Any array of integers, including negative ones, must come back in ascending order.");
  }, { numRuns: 25 });
}, { hidden: true, weight: 3, requires: ["R1"] });

test("sorts in place on random arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), async (arr: number[]) => {
    checkInPlace(await student.run("selectionSort", [arr]), ascending(arr), t);
  }, { numRuns: 20 });
}, { hidden: true, weight: 2, requires: ["R2"] });

test("returns the same array, also when it is empty or has one element", async (t) => {
  await sortsTo([], t);
  await sortsTo([8], t);
  await sortsTo([-2, -2], t);
}, { hidden: true, requires: ["R2"] });

test("builds no other array on a long input", async (t) => {
  const input = seededInts(200, 6);
  const out = await student.run("selectionSort", [input]);
  checkInPlace(out, ascending(input), t);
  t.hint("Your code made another array during the call: find the minimum's index and swap inside the array you were given.");
  if (out.arrays!.largest > 2) fail("another array");
}, { hidden: true, requires: ["R2"] });

test("sorted result on arrays with many duplicates", async (t) => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 40 }), async (arr: number[]) => {
    checkInPlace(await student.run("selectionSort", [arr]), ascending(arr), t, "With many equal values the result is not in ascending order.");
  }, { numRuns: 20 });
}, { hidden: true, requires: ["R1"] });

test("at most n-1 swaps on random arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 30 }), async (arr: number[]) => {
    await fewSwaps(arr, t, "Swap once per position of the outer loop, after the inner loop has found the minimum.");
  }, { numRuns: 15 });
}, { hidden: true, weight: 3, requires: ["R3"] });

test("at most n-1 swaps on reversed input", async (t) => {
  await fewSwaps(Array.from({ length: 60 }, (_, i) => 60 - i), t, "Do not swap inside the inner loop: remember the index of the minimum and swap once.");
}, { hidden: true, weight: 2, requires: ["R3"] });

test("at most n-1 swaps with duplicates", async (t) => {
  await fewSwaps([3, 1, 3, 1, 2, 2, 1, 3, 0, 0], t, "Swap once per position, and only with the minimum of the rest.");
}, { hidden: true, requires: ["R3"] });

test("minimum at the very end", async (t) => {
  const hint = "When the smallest element is the last one, the result is wrong: does the inner loop look at every remaining element?";
  await sortsTo([2, 3, 4, 5, 6, 1], t, hint);
  await sortsTo([7, 3, 9, -4], t, hint);
}, { hidden: true, requires: ["R1"] });

test("only the last two out of order", async (t) => {
  const hint = "When only the last two elements are out of order, the result is wrong: does the outer loop reach them?";
  await sortsTo([1, 2, 3, 5, 4], t, hint);
  await sortsTo([10, 9], t, hint);
}, { hidden: true, requires: ["R1"] });

test("two elements", async (t) => {
  await sortsTo([2, 1], t);
  await sortsTo([1, 2], t);
  await sortsTo([-1, -1], t);
}, { hidden: true, requires: ["R1"] });

test("all elements equal", async (t) => {
  await sortsTo([7, 7, 7, 7, 7, 7], t, "Equal elements must not confuse the search for the minimum.");
}, { hidden: true, requires: ["R1"] });

test("decimals and extreme values", async (t) => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14], t, "Decimals and very large or very small numbers did not come back in ascending numeric order.");
}, { hidden: true, requires: ["R1"] });

test("large random array", async (t) => {
  await sortsTo(seededInts(400, 7), t, "Hundreds of random numbers must come back sorted.");
}, { hidden: true, weight: 2, requires: ["R5"] });

test("large reversed array", async (t) => {
  await sortsTo(Array.from({ length: 400 }, (_, i) => 400 - i), t, "Hundreds of numbers in descending order must come back sorted.");
}, { hidden: true, requires: ["R5"] });

test("large already sorted array", async (t) => {
  await sortsTo(Array.from({ length: 400 }, (_, i) => i - 200), t, "A sorted input must stay sorted.");
}, { hidden: true, requires: ["R5"] });

test("few distinct values, many elements", async (t) => {
  await sortsTo(seededInts(400, 11, -2, 2), t, "Many duplicates, including negative ones.");
}, { hidden: true, requires: ["R5"] });
