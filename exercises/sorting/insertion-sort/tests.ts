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

/** Pairs (i < j) with input[i] > input[j]. */
function inversions(input: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < input.length; i++) {
    for (let j = i + 1; j < input.length; j++) if ((input[i] as number) > (input[j] as number)) count++;
  }
  return count;
}

/** Exact equality of two arrays of numbers. */
function same(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

async function sortsTo(input: number[], t?: { input(v: unknown): void }): Promise<void> {
  t?.input(input);
  const out = await student.run("insertionSort", [input]);
  if (out.threw) fail(`insertionSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  if (!same(out.args[0], ascending(input))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
}

/** Sorted, and equal values in their original order (out.order: original index of each output element). */
async function sortsStably(input: number[]): Promise<void> {
  const out = await student.run("insertionSort", [input], { track: "boxed" });
  expect(out.value).toEqual(ascending(input));
  const order = out.order as number[];
  const expected = input.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
  if (JSON.stringify(order) !== JSON.stringify(expected)) {
    fail("equal elements did not keep their original relative order (the sort is not stable)");
  }
}

async function comparisons(input: number[]): Promise<number> {
  const out = await student.run("insertionSort", [input], { track: "boxed" });
  expect(out.value).toEqual(ascending(input));
  return out.stats!.comparisons;
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

test("the argument itself is sorted", async (t) => {
  const input = [5, 2, 8, 1, 9];
  t.input(input);
  const out = await student.run("insertionSort", [input]);
  expect(out.value).toEqual([1, 2, 5, 8, 9]);
  if (!same(out.args[0], [1, 2, 5, 8, 9])) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
});

test("equal elements keep their order", async (t) => {
  const input = [2, 1, 2, 1];
  t.input(input);
  // out.order[k] is the original index of the k-th output element: the two 1s were at 1 and 3,
  // the two 2s at 0 and 2, and a stable sort keeps each pair in that order.
  const out = await student.run("insertionSort", [input], { track: "boxed" });
  expect(out.value).toEqual([1, 1, 2, 2]);
  if (!same(out.order, [1, 3, 0, 2])) {
    fail(`equal elements changed their order: the output elements came from input positions ${JSON.stringify(out.order)}, a stable sort gives [1, 3, 0, 2]`);
  }
}, { weight: 2 });

test("at most n-1 comparisons on a sorted array", async (t) => {
  const input = [1, 2, 3, 4, 5, 6, 7, 8];
  t.input(input);
  const used = await comparisons(input);
  if (used > input.length - 1) fail(`${used} comparisons on a sorted array of ${input.length} elements; at most ${input.length - 1} are allowed`);
}, { weight: 2 });

// ---------------------------------------------------------------- hidden

test("random arrays", async () => {
  await property(fc.array(fc.integer(), { maxLength: 60 }), async (arr: number[]) => {
    expect(await student.call("insertionSort", arr)).toEqual(ascending(arr));
  }, { numRuns: 150 });
}, { hidden: true, weight: 3, hint: "Any array of integers, including negative ones, must come back in ascending order." });

test("sorts in place on random arrays", async () => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), async (arr: number[]) => {
    const out = await student.run("insertionSort", [arr]);
    if (!same(out.args[0], ascending(arr))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
  }, { numRuns: 100 });
}, { hidden: true, weight: 2, hint: "Sort the array you receive, do not build a new one: the caller's array must end up sorted." });

test("stable on arrays with many duplicates", async () => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }), async (arr: number[]) => {
    await sortsStably(arr);
  }, { numRuns: 60 });
}, { hidden: true, weight: 3, hint: "Stop shifting at the first element that is not strictly greater than the one you insert." });

test("equal elements keep their order in a longer array", async () => {
  await sortsStably([5, 3, 5, 1, 3, 5, 1, 1, 3, 5, 0, 5]);
}, { hidden: true, hint: "An element equal to the one being inserted must stay in front of it." });

test("at most n-1 comparisons on sorted arrays", async () => {
  await property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 40 }), async (arr: number[]) => {
    const sorted = ascending(arr);
    expect(await comparisons(sorted)).toBeLessThanOrEqual(Math.max(0, sorted.length - 1));
  }, { numRuns: 50 });
}, { hidden: true, weight: 3, hint: "On sorted input, compare each new element with its left neighbour once and stop." });

test("at most n-1 comparisons on a long sorted array with duplicates", async () => {
  const input = Array.from({ length: 200 }, (_, i) => Math.floor(i / 3));
  expect(await comparisons(input)).toBeLessThanOrEqual(input.length - 1);
}, { hidden: true, weight: 2, hint: "An equal left neighbour also ends the scan after one comparison." });

test("comparisons grow with the disorder only", async () => {
  await property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 30 }), async (arr: number[]) => {
    const bound = inversions(arr) + Math.max(0, arr.length - 1);
    expect(await comparisons(arr)).toBeLessThanOrEqual(bound);
  }, { numRuns: 60 });
}, { hidden: true, weight: 2, hint: "Each comparison should either shift an element or end the scan for the current element." });

test("all elements equal", async () => {
  const input = [7, 7, 7, 7, 7, 7, 7];
  await sortsStably(input);
  expect(await comparisons(input)).toBeLessThanOrEqual(input.length - 1);
}, { hidden: true, hint: "Equal elements need no shifting at all." });

test("new minimum at the end", async () => {
  await sortsTo([2, 3, 4, 5, 6, 1]);
  await sortsTo([5, 1]);
}, { hidden: true, hint: "An element smaller than everything before it must reach index 0." });

test("two elements", async () => {
  await sortsTo([2, 1]);
  await sortsTo([1, 2]);
  await sortsTo([-1, -1]);
}, { hidden: true, hint: "Check the smallest non-trivial arrays." });

test("numbers are compared as numbers", async () => {
  await sortsTo([10, 9, 100, -1, -20, 2, 1000, -3]);
}, { hidden: true, hint: "The default order is numeric: 9 comes before 10, and -20 before -1." });

test("decimals and extreme values", async () => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14]);
}, { hidden: true, hint: "Decimals and very large or very small numbers." });

test("large random array", async () => {
  const input = randomInts(3000, 7);
  expect(await student.call("insertionSort", input)).toEqual(ascending(input));
}, { hidden: true, weight: 2, hint: "A few thousand elements must sort well within the time limit." });

test("large reversed array", async () => {
  const input = Array.from({ length: 3000 }, (_, i) => 3000 - i);
  expect(await student.call("insertionSort", input)).toEqual(ascending(input));
}, { hidden: true, hint: "A few thousand elements in descending order." });

test("large nearly sorted array is cheap", async () => {
  const input = Array.from({ length: 2000 }, (_, i) => i);
  for (let k = 0; k < 20; k++) {
    const i = (k * 97) % 1999;
    [input[i], input[i + 1]] = [input[i + 1] as number, input[i] as number];
  }
  const bound = inversions(input) + input.length - 1;
  expect(await comparisons(input)).toBeLessThanOrEqual(bound);
}, { hidden: true, weight: 2, hint: "Insertion sort is fast on almost sorted input: only out-of-order pairs should cost extra comparisons." });
