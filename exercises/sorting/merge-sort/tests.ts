import { ascending, seededInts, test, expect, student, property, fail, fc, inspect, type RunResult, type TestContext } from "judge";

/** n * ceil(log2 n), and 0 for n <= 1. */
function bound(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return n <= 1 ? 0 : n * k;
}

/** Exact equality of two arrays of numbers. */
function same(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

const show = (v: unknown): string => inspect(v, { maxItems: 20 });

/** What a call did: the value it returned and the argument after the call. */
const after = (out: RunResult): string => `mergeSort returned ${show(out.value)}; the array passed in is now ${show(out.args[0])}`;

const SORTED = "The result must hold every number of the input, in ascending order.";

/** A new array, sorted, and the input untouched; each check sets the hint for its own cause. */
function checkResult(out: RunResult, input: readonly number[], t?: TestContext, notSorted = SORTED): void {
  if (out.threw) fail(`mergeSort threw ${out.threw.name}: ${out.threw.message}`);
  t?.hint(notSorted);
  expect(out.value, `returned value (the array passed in is now ${show(out.args[0])})`).toEqual(ascending(input));
  t?.hint("Return a new array, even for an empty or one-element input: never the array you were given.");
  if (out.sameAsArg) fail(`the value returned is the array passed in: return a new array (${after(out)})`);
  t?.hint("Copy the input before you rearrange anything; never write into the array you were given.");
  if (!same(out.args[0], input)) fail(`the array passed in was changed: merge sort must leave its input exactly as it was (${after(out)})`);
  if (out.stats && out.stats.writes > 0) fail(`${out.stats.writes} writes into the array passed in; merge sort must not write into its input (${after(out)})`);
}

async function sortsTo(input: number[], t?: TestContext, notSorted = SORTED): Promise<void> {
  t?.input(input);
  checkResult(await student.run("mergeSort", [input], { track: true }), input, t, notSorted);
}

/** Sorted, and equal values in their original order (out.order: original index of each output element). */
async function sortsStably(input: number[], t: TestContext, unstable: string): Promise<void> {
  const out = await student.run("mergeSort", [input], { track: "boxed" });
  checkResult(out, input, t);
  const expected = input.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
  t.hint(unstable);
  if (JSON.stringify(out.order) !== JSON.stringify(expected)) {
    fail(`equal elements did not keep their original relative order: the output elements came from input positions ${show(out.order)}, a stable sort gives ${show(expected)}`);
  }
}

async function withinBound(input: number[], t: TestContext, tooMany: string): Promise<void> {
  const out = await student.run("mergeSort", [input], { track: "boxed" });
  checkResult(out, input, t);
  t.hint(tooMany);
  const used = out.stats!.comparisons;
  if (used > bound(input.length)) fail(`${used} comparisons for ${input.length} elements; at most ${bound(input.length)} are allowed`);
}

// ---------------------------------------------------------------- visible

test("sorts a small array", async (t) => {
  await sortsTo([3, 1, 2], t);
}, { weight: 2, requires: ["R1", "R6"] });

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

test("never changes the input", async (t) => {
  // The array you were given must be exactly as before, and must not have been written to.
  await sortsTo([5, 2, 8, 1, 9], t);
}, { weight: 2, requires: ["R2"] });

test("equal elements keep their order", async (t) => {
  const input = [2, 1, 2, 1];
  t.input(input);
  // out.order[k] is the original index of the k-th output element: the two 1s were at 1 and 3,
  // the two 2s at 0 and 2, and a stable sort keeps each pair in that order.
  await sortsStably(input, t, "When the two elements being merged are equal, take the one from the left half.");
}, { weight: 2, requires: ["R3"] });

test("at most n*ceil(log2 n) comparisons on 16 numbers", async (t) => {
  const input = [16, 3, 9, 1, 12, 7, 5, 14, 2, 11, 8, 15, 4, 10, 6, 13];
  t.input(input);
  await withinBound(input, t, "Each step of a merge costs one comparison: no separate test for equality.");
}, { weight: 2, requires: ["R4"] });

// ---------------------------------------------------------------- hidden

test("random arrays", async (t) => {
  await property(fc.array(fc.integer(), { maxLength: 80 }), async (arr: number[]) => {
    checkResult(await student.run("mergeSort", [arr]), arr, t, "Any array of integers, including negative ones, must come back in ascending order, with every element.");
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, requires: ["R1"] });

test("leaves random inputs untouched", async (t) => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 50 }), async (arr: number[]) => {
    checkResult(await student.run("mergeSort", [arr], { track: true }), arr, t);
  }, { numRuns: 80 });
}, { hidden: true, weight: 2, requires: ["R2"] });

test("returns a new array, also for an empty or one-element input", async (t) => {
  await sortsTo([], t);
  await sortsTo([-7], t);
  await sortsTo([3, 3], t);
}, { hidden: true, requires: ["R2"] });

test("stable on arrays with many duplicates", async (t) => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), async (arr: number[]) => {
    await sortsStably(arr, t, "When the two elements being merged are equal, take the one from the left half.");
  }, { numRuns: 80 });
}, { hidden: true, weight: 3, requires: ["R3"] });

test("equal elements keep their order in a longer array", async (t) => {
  await sortsStably([5, 3, 5, 1, 3, 5, 1, 1, 3, 5, 0, 5, 3, 3, 1, 0, 5], t, "Ties in the merge go to the left half.");
}, { hidden: true, requires: ["R3"] });

test("at most n*ceil(log2 n) comparisons on random arrays", async (t) => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 20, maxLength: 130 }), async (arr: number[]) => {
    await withinBound(arr, t, "Each step of a merge should cost exactly one comparison: no separate test for equality.");
  }, { numRuns: 40 });
}, { hidden: true, weight: 3, requires: ["R4"] });

test("at most n*ceil(log2 n) comparisons on 1000 numbers", async (t) => {
  await withinBound(seededInts(1000, 3), t, "Each step of a merge should cost exactly one comparison.");
}, { hidden: true, weight: 2, requires: ["R4"] });

test("comparisons on sorted and reversed input", async (t) => {
  await withinBound(Array.from({ length: 512 }, (_, i) => i), t, "Ordered input must not cost more comparisons than random input.");
  await withinBound(Array.from({ length: 700 }, (_, i) => 700 - i), t, "Ordered input must not cost more comparisons than random input.");
}, { hidden: true, requires: ["R4"] });

test("no comparison for 0 or 1 element", async (t) => {
  await withinBound([], t, "An empty or one-element array is sorted already: compare nothing.");
  await withinBound([5], t, "An empty or one-element array is sorted already: compare nothing.");
}, { hidden: true, requires: ["R4"] });

test("all elements equal", async (t) => {
  const input = new Array<number>(33).fill(4);
  await sortsStably(input, t, "Equal elements: take the left one first in every merge.");
  await withinBound(input, t, "Equal elements: one comparison per merge step.");
}, { hidden: true, requires: ["R3", "R4"] });

test("two elements", async (t) => {
  const hint = "Check the smallest non-trivial arrays: every element must appear in the result.";
  await sortsTo([2, 1], t, hint);
  await sortsTo([1, 2], t, hint);
  await sortsTo([-1, -1], t, hint);
}, { hidden: true, requires: ["R1"] });

test("odd lengths", async (t) => {
  const hint = "Halves of different sizes: every element of both halves must reach the result.";
  await sortsTo([3, 2, 1], t, hint);
  await sortsTo([5, -1, 4, 0, 3], t, hint);
  await sortsTo([9, 8, 7, 6, 5, 4, 3, 2, 1], t, hint);
}, { hidden: true, requires: ["R1"] });

test("decimals and extreme values", async (t) => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14], t, "Decimals and very large or very small numbers, in numeric order.");
}, { hidden: true, requires: ["R1"] });

test("100,000 random numbers", async (t) => {
  const input = seededInts(100_000, 5);
  const out = await student.run<number[]>("mergeSort", [input]);
  if (out.threw) fail(`mergeSort threw ${out.threw.name}: ${out.threw.message}`);
  const expected = Float64Array.from(input).sort();
  t.hint("100,000 numbers must come back sorted, every one of them.");
  if (!Array.isArray(out.value) || out.value.length !== input.length) fail(`expected an array of ${input.length} numbers back`);
  for (let i = 0; i < expected.length; i++) if (out.value[i] !== expected[i]) fail(`the result is wrong at index ${i}`);
}, { hidden: true, weight: 2, requires: ["R5"], hint: "Large inputs need O(n log n): split in halves all the way down." });

test("stable on 5,000 numbers with few distinct values", async (t) => {
  await sortsStably(seededInts(5000, 9, 0, 9), t, "Stability must hold at every level of the recursion.");
}, { hidden: true, requires: ["R3"] });
