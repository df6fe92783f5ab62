import { test, expect, student, property, fail, fc } from "judge";

const ascending = (arr: readonly number[]): number[] => [...arr].sort((a, b) => a - b);

/** A small deterministic generator, so large inputs are the same on every run. */
function randomInts(n: number, seed: number, min = -1_000_000, max = 1_000_000): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    out.push(min + (s % (max - min + 1)));
  }
  return out;
}

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

async function sortsTo(input: number[], t?: { input(v: unknown): void }): Promise<void> {
  t?.input(input);
  const out = await student.run("mergeSort", [input]);
  if (out.threw) fail(`mergeSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  if (!same(out.args[0], input)) fail("the array passed in was changed: merge sort must leave its input exactly as it was (work on a copy)");
}

/** Sorted, and equal values in their original order (out.order: original index of each output element). */
async function sortsStably(input: number[]): Promise<void> {
  const out = await student.run("mergeSort", [input], { track: "boxed" });
  if (out.threw) fail(`mergeSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  const expected = input.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
  if (JSON.stringify(out.order) !== JSON.stringify(expected)) {
    fail("equal elements did not keep their original relative order (the sort is not stable)");
  }
}

async function withinBound(input: number[]): Promise<void> {
  const out = await student.run("mergeSort", [input], { track: "boxed" });
  if (out.threw) fail(`mergeSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  const used = out.stats!.comparisons;
  if (used > bound(input.length)) fail(`${used} comparisons for ${input.length} elements; at most ${bound(input.length)} are allowed`);
}

// ---------------------------------------------------------------- visible

test("sorts a small array", async (t) => {
  await sortsTo([3, 1, 2], t);
}, { weight: 2 });

test("empty array", async (t) => {
  await sortsTo([], t);
});

test("one element", async (t) => {
  await sortsTo([42], t);
});

test("already sorted", async (t) => {
  await sortsTo([1, 2, 3, 4, 5, 6, 7], t);
});

test("reversed", async (t) => {
  await sortsTo([9, 7, 5, 3, 1, 0], t);
});

test("duplicates", async (t) => {
  await sortsTo([2, 3, 2, 1, 3, 1, 2], t);
});

test("negative numbers", async (t) => {
  await sortsTo([0, -5, 3, -1, -5, 12, -100], t);
});

test("never changes the input", async (t) => {
  const input = [5, 2, 8, 1, 9];
  t.input(input);
  const out = await student.run("mergeSort", [input], { track: true });
  expect(out.value).toEqual([1, 2, 5, 8, 9]);
  // The array you were given must be exactly as before, and must not have been written to.
  if (!same(out.args[0], [5, 2, 8, 1, 9])) fail("the array passed in was changed: merge sort must leave its input exactly as it was (work on a copy)");
  if (out.stats!.writes > 0) fail(`${out.stats!.writes} writes into the array passed in; merge sort must not write into its input`);
}, { weight: 2 });

test("equal elements keep their order", async (t) => {
  const input = [2, 1, 2, 1];
  t.input(input);
  // out.order[k] is the original index of the k-th output element: the two 1s were at 1 and 3,
  // the two 2s at 0 and 2, and a stable sort keeps each pair in that order.
  const out = await student.run("mergeSort", [input], { track: "boxed" });
  expect(out.value).toEqual([1, 1, 2, 2]);
  if (!same(out.order, [1, 3, 0, 2])) {
    fail(`equal elements changed their order: the output elements came from input positions ${JSON.stringify(out.order)}, a stable sort gives [1, 3, 0, 2]`);
  }
}, { weight: 2 });

test("at most n*ceil(log2 n) comparisons on 16 numbers", async (t) => {
  const input = [16, 3, 9, 1, 12, 7, 5, 14, 2, 11, 8, 15, 4, 10, 6, 13];
  t.input(input);
  await withinBound(input);
}, { weight: 2 });

// ---------------------------------------------------------------- hidden

test("random arrays", async () => {
  await property(fc.array(fc.integer(), { maxLength: 80 }), async (arr: number[]) => {
    expect(await student.call("mergeSort", arr)).toEqual(ascending(arr));
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, hint: "Any array of integers, including negative ones, must come back in ascending order, with every element." });

test("leaves random inputs untouched", async () => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 50 }), async (arr: number[]) => {
    const out = await student.run("mergeSort", [arr], { track: true });
    if (!same(out.args[0], arr)) fail("the array passed in was changed: merge sort must leave its input exactly as it was (work on a copy)");
    if (out.stats!.writes > 0) fail(`${out.stats!.writes} writes into the array passed in`);
  }, { numRuns: 80 });
}, { hidden: true, weight: 2, hint: "Copy the input before you rearrange anything; never write into the array you were given." });

test("stable on arrays with many duplicates", async () => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 40 }), async (arr: number[]) => {
    await sortsStably(arr);
  }, { numRuns: 80 });
}, { hidden: true, weight: 3, hint: "When the two elements being merged are equal, take the one from the left half." });

test("equal elements keep their order in a longer array", async () => {
  await sortsStably([5, 3, 5, 1, 3, 5, 1, 1, 3, 5, 0, 5, 3, 3, 1, 0, 5]);
}, { hidden: true, hint: "Ties in the merge go to the left half." });

test("at most n*ceil(log2 n) comparisons on random arrays", async () => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 20, maxLength: 130 }), async (arr: number[]) => {
    await withinBound(arr);
  }, { numRuns: 40 });
}, { hidden: true, weight: 3, hint: "Each step of a merge should cost exactly one comparison: no separate test for equality." });

test("at most n*ceil(log2 n) comparisons on 1000 numbers", async () => {
  await withinBound(randomInts(1000, 3));
}, { hidden: true, weight: 2, hint: "Each step of a merge should cost exactly one comparison." });

test("comparisons on sorted and reversed input", async () => {
  await withinBound(Array.from({ length: 512 }, (_, i) => i));
  await withinBound(Array.from({ length: 700 }, (_, i) => 700 - i));
}, { hidden: true, hint: "Ordered input must not cost more comparisons than random input." });

test("all elements equal", async () => {
  const input = new Array<number>(33).fill(4);
  await sortsStably(input);
  await withinBound(input);
}, { hidden: true, hint: "Equal elements: stability and one comparison per merge step." });

test("two elements", async () => {
  await sortsTo([2, 1]);
  await sortsTo([1, 2]);
  await sortsTo([-1, -1]);
}, { hidden: true, hint: "Check the smallest non-trivial arrays: every element must appear in the result." });

test("odd lengths", async () => {
  await sortsTo([3, 2, 1]);
  await sortsTo([5, -1, 4, 0, 3]);
  await sortsTo([9, 8, 7, 6, 5, 4, 3, 2, 1]);
}, { hidden: true, hint: "Halves of different sizes." });

test("decimals and extreme values", async () => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14]);
}, { hidden: true, hint: "Decimals and very large or very small numbers." });

test("100,000 random numbers", async () => {
  const input = randomInts(100_000, 5);
  const out = await student.call<number[]>("mergeSort", input);
  const expected = Float64Array.from(input).sort();
  if (!Array.isArray(out) || out.length !== input.length) fail(`expected an array of ${input.length} numbers back`);
  for (let i = 0; i < expected.length; i++) if (out[i] !== expected[i]) fail(`the result is wrong at index ${i}`);
}, { hidden: true, weight: 2, hint: "Large inputs need O(n log n): split in halves all the way down." });

test("stable on 5,000 numbers with few distinct values", async () => {
  await sortsStably(randomInts(5000, 9, 0, 9));
}, { hidden: true, hint: "Stability must hold at every level of the recursion." });
