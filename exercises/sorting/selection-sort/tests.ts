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

/** Exact equality of two arrays of numbers. */
function same(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

async function sortsTo(input: number[], t?: { input(v: unknown): void }): Promise<void> {
  t?.input(input);
  const out = await student.run("selectionSort", [input]);
  if (out.threw) fail(`selectionSort threw ${out.threw.name}: ${out.threw.message}`);
  expect(out.value).toEqual(ascending(input));
  if (!same(out.args[0], ascending(input))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
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
  const out = await student.run("selectionSort", [input]);
  // The array you were given must be sorted afterwards (in place), not only the return value.
  expect(out.value).toEqual([1, 2, 5, 8, 9]);
  if (!same(out.args[0], [1, 2, 5, 8, 9])) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
});

test("at most n-1 swaps on a small array", async (t) => {
  const input = [5, 4, 3, 2, 1, 0];
  t.input(input);
  const out = await student.run("selectionSort", [input], { track: true });
  expect(out.value).toEqual([0, 1, 2, 3, 4, 5]);
  const swaps = out.stats!.swaps;
  if (swaps > input.length - 1) fail(`${swaps} swaps for ${input.length} elements; at most ${input.length - 1} are allowed`);
}, { weight: 2 });

// ---------------------------------------------------------------- hidden

test("random arrays", async () => {
  await property(fc.array(fc.integer(), { maxLength: 60 }), async (arr: number[]) => {
    const sorted = await student.call("selectionSort", arr);
    expect(sorted).toEqual(ascending(arr));
  }, { numRuns: 25 });
}, { hidden: true, weight: 3, hint: "Any array of integers, including negative ones, must come back in ascending order." });

test("sorts in place on random arrays", async () => {
  await property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), async (arr: number[]) => {
    const out = await student.run("selectionSort", [arr]);
    if (!same(out.args[0], ascending(arr))) fail("the returned array is sorted, but the array that was passed in is not: sort it in place and return that same array");
  }, { numRuns: 20 });
}, { hidden: true, weight: 2, hint: "Sort the array you receive, do not build a new one: the caller's array must end up sorted." });

test("sorted result on arrays with many duplicates", async () => {
  await property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 40 }), async (arr: number[]) => {
    expect(await student.call("selectionSort", arr)).toEqual(ascending(arr));
  }, { numRuns: 20 });
}, { hidden: true, hint: "With many equal values, make sure you compare against the smallest element found so far." });

test("at most n-1 swaps on random arrays", async () => {
  await property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 30 }), async (arr: number[]) => {
    const out = await student.run("selectionSort", [arr], { track: true });
    expect(out.value).toEqual(ascending(arr));
    expect(out.stats!.swaps).toBeLessThanOrEqual(Math.max(0, arr.length - 1));
  }, { numRuns: 15 });
}, { hidden: true, weight: 3, hint: "Swap once per position of the outer loop, after the inner loop has found the minimum." });

test("at most n-1 swaps on reversed input", async () => {
  const input = Array.from({ length: 60 }, (_, i) => 60 - i);
  const out = await student.run("selectionSort", [input], { track: true });
  expect(out.value).toEqual(ascending(input));
  expect(out.stats!.swaps).toBeLessThanOrEqual(input.length - 1);
}, { hidden: true, weight: 2, hint: "Do not swap inside the inner loop: remember the index of the minimum and swap once." });

test("minimum at the very end", async () => {
  await sortsTo([2, 3, 4, 5, 6, 1]);
  await sortsTo([7, 3, 9, -4]);
}, { hidden: true, hint: "The inner loop must look at every remaining element, including the last one." });

test("only the last two out of order", async () => {
  await sortsTo([1, 2, 3, 5, 4]);
  await sortsTo([10, 9]);
}, { hidden: true, hint: "The outer loop must run until the last two elements are in order too." });

test("two elements", async () => {
  await sortsTo([2, 1]);
  await sortsTo([1, 2]);
  await sortsTo([-1, -1]);
}, { hidden: true, hint: "Check the smallest non-trivial arrays." });

test("all elements equal", async () => {
  await sortsTo([7, 7, 7, 7, 7, 7]);
}, { hidden: true, hint: "Equal elements must not confuse the search for the minimum." });

test("decimals and extreme values", async () => {
  await sortsTo([0.5, -0.25, 1e9, -1e9, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, 3.14]);
}, { hidden: true, hint: "Compare numbers numerically, not as strings." });

test("large random array", async () => {
  const input = randomInts(400, 7);
  expect(await student.call("selectionSort", input)).toEqual(ascending(input));
}, { hidden: true, weight: 2, hint: "Hundreds of elements must sort well within the time limit." });

test("large reversed array", async () => {
  const input = Array.from({ length: 400 }, (_, i) => 400 - i);
  expect(await student.call("selectionSort", input)).toEqual(ascending(input));
}, { hidden: true, hint: "Hundreds of elements in descending order." });

test("large already sorted array", async () => {
  const input = Array.from({ length: 400 }, (_, i) => i - 200);
  const out = await student.run("selectionSort", [input]);
  expect(out.value).toEqual(input);
  expect(out.args[0]).toEqual(input);
}, { hidden: true, hint: "A sorted input must stay sorted." });

test("few distinct values, many elements", async () => {
  const input = randomInts(400, 11, -2, 2);
  expect(await student.call("selectionSort", input)).toEqual(ascending(input));
}, { hidden: true, hint: "Many duplicates, including negative ones." });
